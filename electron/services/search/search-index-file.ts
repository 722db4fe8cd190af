import { createHash } from 'node:crypto'
import { appendFile, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ArticleSummarySchema } from '../../../shared/article'
import type { SearchIndexSnapshot } from '../../../shared/search/library-search-index'
import { SearchDocumentSchema } from '../../../shared/search/search-document'
import { writeFileDurably } from '../disk/atomic-file'
import { makeFolders } from '../disk/make-folders'

/** Bumped whenever what is indexed, or how, changes: an older index is then rebuilt. */
const FORMAT = 4

/** When an article file was last seen: unchanged on disk means unchanged in the index. */
export const FileStampSchema = z.object({
  folder: z.string(),
  mtimeMs: z.number(),
  size: z.number(),
})
export type FileStamp = z.infer<typeof FileStampSchema>

const SnapshotSchema = z.object({
  format: z.literal(FORMAT),
  root: z.string(),
  stamps: z.record(z.string(), FileStampSchema),
  summaries: z.array(ArticleSummarySchema),
  // MiniSearch's own structure: checked by MiniSearch when loaded (a bad one is rebuilt).
  index: z.custom<SearchIndexSnapshot['index']>(
    (value) => typeof value === 'object' && value !== null,
  ),
})
export type IndexSnapshot = z.infer<typeof SnapshotSchema>

export const JournalEntrySchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('put'),
    stamp: FileStampSchema,
    document: SearchDocumentSchema,
    summary: ArticleSummarySchema,
  }),
  z.object({ op: z.literal('remove'), id: z.string() }),
])
export type JournalEntry = z.infer<typeof JournalEntrySchema>

/**
 * Where one library's search index is kept: a snapshot, and a journal of the changes since it
 * (one line per save, cheap to append). Both are a cache of the library, not part of it: they
 * live with this person's settings, and whatever is missing or damaged is rebuilt from the
 * article files.
 */
export class SearchIndexFile {
  private readonly snapshotPath: string
  private readonly journalPath: string

  constructor(
    private readonly directory: string,
    private readonly root: string,
  ) {
    const name = createHash('sha256').update(root).digest('hex').slice(0, 16)
    this.snapshotPath = join(directory, `${name}.json`)
    this.journalPath = join(directory, `${name}.journal`)
  }

  /** The snapshot and the journal after it; empty when there is none or it cannot be used. */
  async read(): Promise<{ snapshot?: IndexSnapshot; journal: JournalEntry[] }> {
    const snapshotText = await readIfThere(this.snapshotPath)
    let snapshot: IndexSnapshot | undefined
    if (snapshotText) {
      const parsed = SnapshotSchema.safeParse(safeJson(snapshotText))
      if (parsed.success && parsed.data.root === this.root) snapshot = parsed.data
    }
    const journal: JournalEntry[] = []
    // A journal belongs to the snapshot before it: without that snapshot it is worthless.
    if (snapshot) {
      for (const line of (await readIfThere(this.journalPath))?.split('\n') ?? []) {
        // A line cut short by a crash is the last one; everything it described is re-read anyway.
        const entry = JournalEntrySchema.safeParse(safeJson(line))
        if (entry.success) journal.push(entry.data)
      }
    }
    return { ...(snapshot && { snapshot }), journal }
  }

  async append(entries: readonly JournalEntry[]): Promise<void> {
    if (entries.length === 0) return
    await makeFolders(this.directory)
    await appendFile(
      this.journalPath,
      entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''),
    )
  }

  /** Replaces snapshot and journal with one snapshot of everything. */
  async compact(snapshot: Omit<IndexSnapshot, 'format' | 'root'>): Promise<void> {
    await makeFolders(this.directory)
    await writeFileDurably(
      this.snapshotPath,
      JSON.stringify({ format: FORMAT, root: this.root, ...snapshot }),
    )
    await rm(this.journalPath, { force: true })
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A cache that cannot be read (gone, or no permission) is a cache to rebuild, not an error. */
async function readIfThere(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined)
}
