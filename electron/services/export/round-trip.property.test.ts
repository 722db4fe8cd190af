import fc from 'fast-check'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article'
import { articleFields } from '../../../shared/article/test-article-arbitrary'
import type { ExportFormat } from '../../../shared/export'
import { FORMAT_LOSSES, roundTripView, type Loss } from '../../../shared/export/format-losses'
import type { NodeServices } from '../platform/node-services'
import { makeImage } from '../testing/test-images'
import { createTempServices, makeTempDir } from '../testing/test-support'

const SEED = 20261205

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let pictures: string

beforeAll(async () => {
  temp = makeTempDir()
  services = createTempServices(join(temp.path, 'library'))
  // The two pictures the generated figures name, as an article's assets folder holds them.
  pictures = join(temp.path, 'pictures')
  mkdirSync(pictures)
  writeFileSync(join(pictures, '3f2a9c1e.jpg'), await makeImage('jpeg', '#2255aa'))
  writeFileSync(join(pictures, 'b71d04aa.png'), await makeImage('png', '#aa5522'))
})
afterAll(async () => {
  await services.importer.close()
  await temp.remove()
})

async function exportThenImport(article: Article, format: ExportFormat): Promise<Article> {
  const exported = await services.exporter.export(article, format)
  if (!exported.ok) throw new Error(exported.error.message)
  const { fileName, content, encoding } = exported.value
  const imported = await services.importer.importBytes(fileName, Buffer.from(content, encoding))
  if (!imported.ok) throw new Error(imported.error.message)
  return imported.value.article
}

/** Each run is an export and an import in the worker; Word and packages also make renditions. */
const RUNS: Record<ExportFormat, number> = {
  html: 60,
  'html-fragment': 60,
  md: 60,
  txt: 60,
  ninjs: 60,
  ninjs3: 60,
  nitf: 60,
  docx: 30,
  package: 20,
}

describe('export then import gives the story back, less only what the format cannot carry', () => {
  it.each(Object.keys(RUNS) as ExportFormat[])(
    '%s',
    async (format) => {
      const losses: readonly Loss[] = FORMAT_LOSSES[format]
      await fc.assert(
        fc.asyncProperty(articleFields, async (fields) => {
          const created = await services.library.create(fields, { assetsFrom: pictures })
          if (!created.ok) throw new Error(created.error.message)
          const original = created.value
          const back = await exportThenImport(original, format)
          expect(roundTripView(back, losses)).toEqual(roundTripView(original, losses))
        }),
        { seed: SEED, numRuns: RUNS[format] },
      )
    },
    120_000,
  )
})
