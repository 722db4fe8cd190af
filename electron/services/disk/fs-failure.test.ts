import { describe, expect, it } from 'vitest'
import { fsFailure } from './fs-failure'

const errno = (code: string, path = '/lib/a/article.json') =>
  Object.assign(new Error(`${code}: failed`), { code, path }) as NodeJS.ErrnoException

describe('fsFailure', () => {
  it.each([
    [
      'EACCES',
      'permission-denied',
      'Cannot save the article: permission denied (/lib/a/article.json).',
    ],
    [
      'EPERM',
      'permission-denied',
      'Cannot save the article: permission denied (/lib/a/article.json).',
    ],
    [
      'EROFS',
      'permission-denied',
      'Cannot save the article: the folder is on a read-only disk (/lib/a/article.json).',
    ],
    ['ENOSPC', 'disk-full', 'Cannot save the article: the disk is full (/lib/a/article.json).'],
    ['EDQUOT', 'disk-full', 'Cannot save the article: the disk is full (/lib/a/article.json).'],
    ['ENOENT', 'not-found', 'Cannot save the article: not found (/lib/a/article.json).'],
    ['EIO', 'io', 'Cannot save the article: EIO: failed'],
  ])('maps %s to %s with a specific message', (code, kind, message) => {
    expect(fsFailure(errno(code), 'save the article')).toEqual({
      ok: false,
      error: { kind, message },
    })
  })

  it('rethrows what is not a file-system error, so bugs are not dressed up as I/O', () => {
    expect(() => fsFailure(new TypeError('x is undefined'), 'save')).toThrow(TypeError)
  })
})
