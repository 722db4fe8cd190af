import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VersionStore, VERSIONS_FOLDER } from '../../electron/services/history/version-store'
import { SUMMARIES_FILE } from '../../electron/services/history/version-summaries'
import type { LibraryStore } from '../../electron/services/library/library-store'
import { figureOf, type Figure } from '../support/figure'
import { timed } from '../support/stats'
import type { BenchArticle } from './bench-articles'

const VERSIONS = 30

/**
 * The history panel's first list after a start: a story with 30 versions, asked of a version
 * store that has read nothing yet, as main's is after a start. Beside it, reading every version
 * file, which is what the list cost before each folder kept its versions' summaries.
 */
export async function measureHistory(
  library: LibraryStore,
  story: BenchArticle,
  words: number,
  rounds: number,
): Promise<Figure[]> {
  const { id } = story.article
  let clock = Date.now()
  const recording = new VersionStore(
    library,
    () => 'Bench Mark',
    () => new Date((clock += 1_000)),
  )
  for (let version = 1; version <= VERSIONS; version++) {
    const kept = await recording.create(id, `Take ${version}`)
    if (!kept.ok) throw new Error(kept.error.message)
  }
  const folder = await library.folderOf(id)
  if (!folder.ok) throw new Error(folder.error.message)
  const versionsFolder = join(folder.value, VERSIONS_FOLDER)

  const lists: number[] = []
  const reads: number[] = []
  for (let round = 0; round < Math.max(3, rounds * 3); round++) {
    const afterStart = new VersionStore(library, () => 'Bench Mark')
    const [listed, listMs] = await timed(() => afterStart.list(id))
    if (!listed.ok || listed.value.length !== VERSIONS) throw new Error('the versions did not list')
    lists.push(listMs)
    const [, readMs] = await timed(async () => {
      const names = (await readdir(versionsFolder)).filter((name) => name !== SUMMARIES_FILE)
      for (const name of names) JSON.parse(await readFile(join(versionsFolder, name), 'utf8'))
    })
    reads.push(readMs)
  }
  return [
    figureOf(
      'History: first list after a start',
      `${VERSIONS} versions of ${words.toLocaleString('en')} words`,
      lists,
      { name: 'read every version file', taken: reads },
    ),
  ]
}
