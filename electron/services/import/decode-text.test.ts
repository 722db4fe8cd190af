import { describe, expect, it } from 'vitest'
import { decodeText, TextFormatError } from './decode-text'

const latin1 = (text: string) => Buffer.from(text, 'latin1')

describe('decodeText', () => {
  it('reads the character set a file declares', () => {
    expect(decodeText(latin1('<meta charset="iso-8859-1"><p>Café in Málaga</p>'))).toBe(
      '<meta charset="iso-8859-1"><p>Café in Málaga</p>',
    )
  })

  it('reads a page saved again as UTF-8 that still declares its old character set', () => {
    const page = '<meta charset="gb2312"><p>北京 — Zoë’s café</p>'
    expect(decodeText(Buffer.from(page, 'utf8'))).toBe(page)
  })

  it('refuses bytes valid in neither, naming the line', () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta charset="gb2312">\n<p>'),
      Buffer.from([0x3c, 0xff, 0xfe, 0x3e]),
    ])
    expect(() => decodeText(bytes)).toThrow(TextFormatError)
    expect(() => decodeText(bytes)).toThrow(/line 2 holds bytes that are not gb2312 text/)
  })
})
