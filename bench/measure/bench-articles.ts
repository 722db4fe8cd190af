import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Article, TiptapNode } from '../../shared/article'
import type { LibraryStore } from '../../electron/services/library/library-store'
import { Random } from '../generate/random'
import { FIGURE_FILE, storyBody } from '../generate/story'

export interface BenchArticle {
  article: Article
  words: number
  /** The story's last line, found in no other story: when it shows, the story has loaded. */
  marker: string
}

/**
 * A photo-like JPEG: smooth shapes and gradients with a little grain, so it compresses about as
 * a real picture does (pure noise would make every encoder look slow).
 */
export async function photo(path: string, seed: number, width = 1200, height = 800): Promise<void> {
  const pixels = Buffer.alloc(width * height * 3)
  const random = new Random(seed)
  const [a, b, c] = [random.next() * 6, random.next() * 6, random.next() * 6]
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3
      const u = x / width
      const v = y / height
      pixels[at] = 90 + 80 * Math.sin(a + u * 3 + v) + random.int(0, 12)
      pixels[at + 1] = 110 + 70 * Math.sin(b + v * 4 - u) + random.int(0, 12)
      pixels[at + 2] = 130 + 60 * Math.cos(c + (u + v) * 2) + random.int(0, 12)
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82 })
    .toFile(path)
}

/** Stories of the given sizes, `copies` of each (one per round), in the library. */
export async function createBenchArticles(
  library: LibraryStore,
  sizes: readonly number[],
  copies: number,
  label = 'Benchmark story',
): Promise<Map<number, BenchArticle[]>> {
  // The figure's picture, copied into each story's folder as it is created.
  const assets = await mkdtemp(join(tmpdir(), 'copydesk-bench-assets-'))
  try {
    await photo(join(assets, FIGURE_FILE), 1)
    return await createStories(library, sizes, copies, label, assets)
  } finally {
    await rm(assets, { recursive: true, force: true })
  }
}

async function createStories(
  library: LibraryStore,
  sizes: readonly number[],
  copies: number,
  label: string,
  assets: string,
): Promise<Map<number, BenchArticle[]>> {
  const made = new Map<number, BenchArticle[]>()
  for (const words of sizes) {
    const body = storyBody(new Random(words), words, 'harbour')
    const list: BenchArticle[] = []
    for (let copy = 1; copy <= copies; copy++) {
      const headline = `${label}, ${words.toLocaleString('en')} words (${copy})`
      // A last line no other story has: when it shows, this story has loaded.
      const marker = `End of ${headline}.`
      const created = await library.create(
        {
          headline,
          byline: [{ name: 'Bench Mark' }],
          body: {
            ...body,
            content: [
              ...(body.content ?? []),
              { type: 'paragraph', content: [{ type: 'text', text: marker }] },
            ],
          },
        },
        { assetsFrom: assets },
      )
      if (!created.ok) throw new Error(created.error.message)
      list.push({ article: created.value, words, marker })
    }
    made.set(words, list)
  }
  return made
}

/** The same story for bare TipTap, which has no figure node: captions become paragraphs. */
export function withoutFigures(body: TiptapNode): TiptapNode {
  return {
    ...body,
    content: (body.content ?? []).map((node) =>
      node.type === 'figure' ? { type: 'paragraph', content: node.content ?? [] } : node,
    ),
  }
}
