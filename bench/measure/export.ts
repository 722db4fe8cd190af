import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TiptapNode } from '../../shared/article'
import type { LibraryStore } from '../../electron/services/library/library-store'
import { zipFiles } from '../../electron/services/export/zip-files'
import type { RunningCopydesk } from '../browser/copydesk-host'
import { Random } from '../generate/random'
import { storyBody } from '../generate/story'
import { figureOf, type Figure } from '../support/figure'
import { timed } from '../support/stats'
import { photo } from './bench-articles'

const PICTURES = 10

/**
 * A package of a 2,000-word story with ten 2,400×1,600 photos (renditions included), through
 * the host as the export dialog asks for it; beside it, zipping the same originals untouched.
 */
export async function measureExport(
  library: LibraryStore,
  host: RunningCopydesk,
  rounds: number,
  pictures = PICTURES,
): Promise<Figure[]> {
  const assets = await mkdtemp(join(tmpdir(), 'copydesk-bench-photos-'))
  const names = Array.from({ length: pictures }, (_, index) => `photo-${index + 1}.jpg`)
  for (const [index, name] of names.entries())
    await photo(join(assets, name), 100 + index, 2400, 1600)

  const body = storyBody(new Random(2000), 2000, 'harbour')
  const text = (body.content ?? []).filter((node) => node.type !== 'figure')
  const figures: TiptapNode[] = names.map((name, index) => ({
    type: 'figure',
    attrs: {
      src: `assets/${name}`,
      alt: `Photo ${index + 1} of the harbour.`,
      credit: 'Photo: Bench Mark',
      lead: index === 0,
    },
    content: [{ type: 'text', text: `The harbour at dawn, picture ${index + 1}.` }],
  }))
  const step = Math.floor(text.length / pictures)
  const content = text.flatMap((node, index) =>
    index % step === 0 && figures[index / step]
      ? [figures[index / step] as TiptapNode, node]
      : [node],
  )
  const created = await library.create(
    {
      headline: 'Export benchmark',
      byline: [{ name: 'Bench Mark' }],
      body: { type: 'doc', content },
    },
    { assetsFrom: assets },
  )
  if (!created.ok) throw new Error(created.error.message)

  const exports: number[] = []
  const zips: number[] = []
  for (let round = 0; round < rounds; round++) {
    exports.push(
      (
        await timed(() =>
          host.invoke('article:export', { id: created.value.id, format: 'package' }),
        )
      )[1],
    )
    zips.push(
      (
        await timed(async () =>
          zipFiles(
            await Promise.all(
              names.map(async (name) => ({
                path: name,
                bytes: await readFile(join(assets, name)),
              })),
            ),
            new Date(),
          ),
        )
      )[1],
    )
  }
  return [
    figureOf('Export', `package, 2,000 words + ${pictures} photos`, exports, {
      name: 'zip of the originals',
      taken: zips,
    }),
  ]
}
