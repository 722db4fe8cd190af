import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { ARTICLE_SCHEMA_VERSION, createArticle, serializeArticle } from '../../shared/article'
import {
  ARTICLE_FILE,
  ASSETS_FOLDER,
  articleFolderName,
} from '../../electron/services/library/library-store'
import { Random } from './random'
import { FIGURE_FILE, generatedArticle } from './story'

const MARKER_FILE = '.generated.json'
const YEAR_MS = 365 * 24 * 3600 * 1000

export interface GeneratedLibrary {
  root: string
  articles: number
  /** True when an identical library from an earlier run was reused. */
  reused: boolean
}

/**
 * Writes a library of `count` articles of 200 to 1,500 words, updated over five years. The
 * same seed gives the same library, so a finished one is reused rather than written again.
 */
export async function generateLibrary(
  root: string,
  count: number,
  seed = 2026,
): Promise<GeneratedLibrary> {
  // A library written in an older article schema is written again, not read as this one.
  const marker = JSON.stringify({ count, seed, generator: 1, schema: ARTICLE_SCHEMA_VERSION })
  const previous = await readFile(join(root, MARKER_FILE), 'utf8').catch(() => '')
  if (previous === marker) return { root, articles: count, reused: true }

  await rm(root, { recursive: true, force: true })
  await mkdir(root, { recursive: true })
  const picture = join(root, `.${FIGURE_FILE}`)
  await sharp({ create: { width: 96, height: 64, channels: 3, background: '#7a8fa6' } })
    .jpeg()
    .toFile(picture)

  const random = new Random(seed)
  const end = Date.parse('2026-11-01T09:00:00Z')
  for (let index = 0; index < count; index++) {
    const input = generatedArticle(random, random.int(200, 1500))
    const created = new Date(end - random.next() * 5 * YEAR_MS)
    const article = createArticle(input, random.uuid(), created)
    article.updatedAt = new Date(created.getTime() + random.int(0, 72) * 3600 * 1000).toISOString()
    article.revision = random.int(1, 40)
    const folder = join(root, articleFolderName(article.slug, article.id))
    await mkdir(join(folder, ASSETS_FOLDER), { recursive: true })
    await writeFile(join(folder, ARTICLE_FILE), serializeArticle(article))
    await copyFile(picture, join(folder, ASSETS_FOLDER, FIGURE_FILE))
  }
  // Written last: an interrupted run is not mistaken for a finished library next time.
  await writeFile(join(root, MARKER_FILE), marker)
  return { root, articles: count, reused: false }
}
