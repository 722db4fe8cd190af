import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../../shared/article'
import { makeTempDir } from '../testing/test-support'
import { WrittenArticles } from './written-articles'

let temp: ReturnType<typeof makeTempDir>
let file: string
const article = createArticle(
  { headline: 'Bridge closes' },
  '9b2f4c1e-5a3d-4e6f-8a7b-1c2d3e4f5a6b',
  new Date(),
)

beforeEach(() => {
  temp = makeTempDir()
  file = join(temp.path, 'article.json')
  writeFileSync(file, 'as written')
})
afterEach(() => temp.remove())

describe('WrittenArticles', () => {
  it('gives back the article written while the file is exactly as written', async () => {
    const written = new WrittenArticles()
    await written.remember(file, article)
    expect(await written.unchanged(file)).toBe(article)
  })

  it('gives nothing once the file was edited in place or replaced, even by the same bytes', async () => {
    const edited = new WrittenArticles()
    await edited.remember(file, article)
    writeFileSync(file, 'as written, and more')
    expect(await edited.unchanged(file)).toBeUndefined()

    const replaced = new WrittenArticles()
    await replaced.remember(file, article)
    writeFileSync(`${file}.new`, 'as written')
    renameSync(`${file}.new`, file)
    expect(await replaced.unchanged(file)).toBeUndefined()
  })

  it('keeps only the last few files written', async () => {
    const written = new WrittenArticles()
    const files = Array.from({ length: 9 }, (_, index) => join(temp.path, `${index}.json`))
    for (const each of files) {
      writeFileSync(each, 'x')
      await written.remember(each, article)
    }
    expect(await written.unchanged(files[0] ?? '')).toBeUndefined()
    expect(await written.unchanged(files[8] ?? '')).toBe(article)
  })
})
