import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { summarize, TiptapDocSchema, type ArticleSummary } from '../../../shared/article'
import type { DamagedEntry, LibraryListing } from '../../../shared/library/library-listing'
import { ok, type Failure, type Result } from '../../../shared/result'
import { snippetAround } from '../../../shared/search/highlight'
import { LibrarySearchIndex } from '../../../shared/search/library-search-index'
import { searchDocumentOf, storyText } from '../../../shared/search/search-document'
import type {
  ParsedSearchQuery,
  Passages,
  SearchResults,
} from '../../../shared/search/search-query'
import { fsFailure, isErrnoException } from '../disk/fs-failure'
import { ARTICLE_FILE, FOLDER_PATTERN, readArticleFile } from '../library/library-store'
import { ValidBlockMemory } from '../../../shared/editor/validate-body'
import type { Catalog, CatalogProgress } from './catalog'
import { SearchIndexFile, type FileStamp, type JournalEntry } from './search-index-file'

/** Past this many journal lines, the next quiet moment writes a fresh snapshot instead. */
const COMPACT_AFTER = 500
/** The first results whose match is in the body get a passage read from their file. */
const SNIPPETS_FOR = 10
/** Story texts kept for passages: typing a word asks for the same articles letter after letter. */
const STORY_TEXTS_KEPT = 300
/** Articles read at once while catching up with the folder. */
const READ_BATCH = 64

const SnippetSourceSchema = z.object({ body: TiptapDocSchema })
type StoryText = ReturnType<typeof storyText>

/**
 * The library's index: what the list shows of every article, and full-text search over them,
 * kept on disk between runs. A restart reads the kept index, then stats every article file and
 * re-reads only those that changed since, so 10,000 articles open in about a second instead of
 * being parsed one by one. Saves and changes seen on disk update it one article at a time.
 */
export class LibraryCatalog implements Catalog {
  private index = LibrarySearchIndex.empty()
  private stamps = new Map<string, FileStamp>()
  private damaged = new Map<string, string>()
  private readonly file: SearchIndexFile
  private journalLength = 0
  private readonly storyTexts = new Map<string, { stamp: FileStamp; text: StoryText }>()
  private unreadable: { ok: false; error: Failure } | undefined
  private work: Promise<unknown>
  private loaded: Promise<CatalogProgress>

  constructor(
    private readonly root: string,
    indexDirectory: string,
    /** The story blocks this process has found valid: a file just saved is not checked again. */
    private readonly bodies = new ValidBlockMemory(),
  ) {
    this.file = new SearchIndexFile(indexDirectory, root)
    this.loaded = this.load()
    this.work = this.loaded
  }

  /** Resolves once the kept index has been read and brought up to date with the folder. */
  ready(): Promise<CatalogProgress> {
    return this.loaded
  }

  async list(): Promise<Result<LibraryListing>> {
    await this.idle()
    if (this.unreadable) return this.unreadable
    const damaged: DamagedEntry[] = [...this.damaged]
      .map(([folder, reason]) => ({ folder, reason }))
      .sort((a, b) => a.folder.localeCompare(b.folder))
    return ok({ root: this.root, articles: this.index.allSummaries(), damaged })
  }

  async search(query: ParsedSearchQuery): Promise<SearchResults> {
    await this.idle()
    const results = this.index.search(query)
    if (!query.passages) return results
    const hits = await Promise.all(
      results.hits.map(async (hit, rank) =>
        rank < SNIPPETS_FOR && (hit.fields.includes('body') || hit.fields.includes('captions'))
          ? { ...hit, ...(await this.snippetFor(hit.article.id, hit.terms)) }
          : hit,
      ),
    )
    return { ...results, hits }
  }

  /** Passages for hits found earlier, read from their files (the same as `search` adds). */
  async passages(hits: readonly { id: string; terms: string[] }[]): Promise<Passages> {
    await this.idle()
    const found = await Promise.all(
      hits.map(async ({ id, terms }) => [id, (await this.snippetFor(id, terms)).snippet] as const),
    )
    return Object.fromEntries(found.filter((entry): entry is [string, string] => !!entry[1]))
  }

  /** An article was created, saved, renamed, trashed or restored, here or elsewhere. */
  async articleChanged(id: string): Promise<ArticleSummary | undefined> {
    await this.enqueue(() => this.refreshArticle(id))
    return this.index.summaryOf(id)
  }

  /** Something changed that names no article (a folder went away): look at them all. */
  folderChanged(): Promise<void> {
    return this.enqueue(async () => {
      await this.reconcile()
    })
  }

  /** Writes the index in one piece, so the next start has no journal to replay. */
  flush(): Promise<void> {
    return this.enqueue(() => this.compact())
  }

  /** Nothing to stop: the work queued is awaited by `flush` or `idle`. */
  async close(): Promise<void> {}

  private async load(): Promise<CatalogProgress> {
    const kept = await this.file.read()
    if (kept.snapshot) {
      try {
        this.index = LibrarySearchIndex.fromSnapshot(kept.snapshot)
        this.stamps = new Map(Object.entries(kept.snapshot.stamps))
        for (const entry of kept.journal) this.apply(entry)
        this.journalLength = kept.journal.length
      } catch {
        // Written by another version, or damaged: start again from the article files.
        this.index = LibrarySearchIndex.empty()
        this.stamps = new Map()
      }
    }
    const progress = await this.reconcile()
    if (this.journalLength > COMPACT_AFTER) await this.compact()
    return progress
  }

  /** Brings the index in line with the folder, reading only files whose stamp changed. */
  private async reconcile(): Promise<CatalogProgress> {
    const progress: CatalogProgress = { read: 0, unchanged: 0, removed: 0 }
    const byFolder = new Map([...this.stamps].map(([id, stamp]) => [stamp.folder, id]))
    const seen = new Set<string>()
    const changed: JournalEntry[] = []
    this.damaged = new Map()
    this.unreadable = undefined
    const folders = await readdir(this.root, { withFileTypes: true }).catch((error: unknown) => {
      // No folder yet is an empty library; one that cannot be read is a problem to report.
      if (!isErrnoException(error) || error.code !== 'ENOENT')
        this.unreadable = fsFailure(error, 'list the library')
      return []
    })
    const names = folders
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
    for (let start = 0; start < names.length; start += READ_BATCH) {
      await Promise.all(
        names.slice(start, start + READ_BATCH).map(async (folder) => {
          const stamp = await stampOf(this.root, folder)
          if (!stamp) {
            // A folder named like an article without its file deserves a warning; any other
            // folder a person keeps in the library is none of our business.
            if (FOLDER_PATTERN.test(folder))
              this.damaged.set(folder, `${ARTICLE_FILE} is missing from folder ${folder}.`)
            return
          }
          const knownId = byFolder.get(folder)
          const known = knownId ? this.stamps.get(knownId) : undefined
          if (knownId && known?.mtimeMs === stamp.mtimeMs && known.size === stamp.size) {
            seen.add(knownId)
            progress.unchanged++
            return
          }
          const entry = await this.readEntry(folder, stamp)
          progress.read++
          if (entry) {
            seen.add(entry.document.id)
            changed.push(entry)
          }
        }),
      )
    }
    for (const entry of changed) this.apply(entry)
    for (const id of [...this.stamps.keys()]) {
      if (seen.has(id)) continue
      const removal: JournalEntry = { op: 'remove', id }
      this.apply(removal)
      changed.push(removal)
      progress.removed++
    }
    await this.record(changed)
    return progress
  }

  private async refreshArticle(id: string): Promise<void> {
    const known = this.stamps.get(id)
    const folder =
      (known && (await stampOf(this.root, known.folder)) ? known.folder : undefined) ??
      (await this.findFolder(id))
    if (!folder) {
      if (!known) return
      const removal: JournalEntry = { op: 'remove', id }
      this.apply(removal)
      await this.record([removal])
      return
    }
    const stamp = await stampOf(this.root, folder)
    if (
      !stamp ||
      (known?.folder === folder && known.mtimeMs === stamp.mtimeMs && known.size === stamp.size)
    )
      return
    // A file that no longer parses is listed as damaged, and leaves the list and search.
    const entry: JournalEntry = (await this.readEntry(folder, stamp)) ?? { op: 'remove', id }
    this.apply(entry)
    await this.record([entry])
  }

  /** Reads one article for the index; a damaged one is listed as damaged and left out. */
  private async readEntry(
    folder: string,
    stamp: FileStamp,
  ): Promise<(JournalEntry & { op: 'put' }) | undefined> {
    const article = await readArticleFile(join(this.root, folder), this.bodies)
    if (!article.ok) {
      if (article.error.kind !== 'not-found') this.damaged.set(folder, article.error.message)
      return undefined
    }
    this.damaged.delete(folder)
    return {
      op: 'put',
      stamp,
      document: searchDocumentOf(article.value),
      summary: summarize(article.value),
    }
  }

  private apply(entry: JournalEntry): void {
    if (entry.op === 'remove') {
      this.index.remove(entry.id)
      this.stamps.delete(entry.id)
      return
    }
    const id = entry.document.id
    const previous = this.stamps.get(id)
    // Two folders holding the same id (a folder copied by hand): the later one wins here.
    if (previous && previous.folder !== entry.stamp.folder) this.damaged.delete(previous.folder)
    this.index.put(entry.document, entry.summary)
    this.stamps.set(id, entry.stamp)
  }

  private async record(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return
    this.journalLength += entries.length
    // Many changes at once (the first start, a folder synced in) go straight into a snapshot.
    if (this.journalLength > COMPACT_AFTER) return this.compact()
    // The kept index is a cache: a failed write only means more reading at the next start.
    await this.file.append(entries).catch(() => undefined)
  }

  private async compact(): Promise<void> {
    const { index, summaries } = this.index.snapshot()
    await this.file
      .compact({ stamps: Object.fromEntries(this.stamps), summaries, index })
      .then(() => (this.journalLength = 0))
      .catch(() => undefined)
  }

  private async findFolder(id: string): Promise<string | undefined> {
    const suffix = `-${id.slice(0, 8)}`
    const names = await readdir(this.root).catch(() => [])
    for (const name of names) {
      if (!name.endsWith(suffix) || name.startsWith('.')) continue
      const text = await readFile(join(this.root, name, ARTICLE_FILE), 'utf8').catch(() => '')
      if (text.includes(id)) return name
    }
    return undefined
  }

  private async snippetFor(id: string, terms: string[]): Promise<{ snippet?: string }> {
    const text = await this.storyTextOf(id)
    const snippet = text && (snippetAround(text.body, terms) ?? snippetAround(text.captions, terms))
    return snippet ? { snippet } : {}
  }

  private async storyTextOf(id: string): Promise<StoryText | undefined> {
    const stamp = this.stamps.get(id)
    if (!stamp) return undefined
    const kept = this.storyTexts.get(id)
    if (kept && kept.stamp === stamp) {
      // Most recently used last, so the oldest is the first to go.
      this.storyTexts.delete(id)
      this.storyTexts.set(id, kept)
      return kept.text
    }
    try {
      const text = await readFile(join(this.root, stamp.folder, ARTICLE_FILE), 'utf8')
      const source = SnippetSourceSchema.safeParse(JSON.parse(text))
      if (!source.success) return undefined
      const story = storyText(source.data.body)
      this.storyTexts.set(id, { stamp, text: story })
      for (const oldest of this.storyTexts.keys()) {
        if (this.storyTexts.size <= STORY_TEXTS_KEPT) break
        this.storyTexts.delete(oldest)
      }
      return story
    } catch {
      // Gone or being rewritten this instant: the result stands without its passage.
      return undefined
    }
  }

  /**
   * Runs updates one after another, in the order asked. They never fail: the index is a cache,
   * and a file that could not be read now is read again at the next change or start.
   */
  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.work.then(work, work).catch(() => undefined)
    this.work = next
    return next
  }

  /** Waits for the updates already asked for, so a list right after a save includes it. */
  async idle(): Promise<void> {
    await this.loaded
    await this.work
  }
}

async function stampOf(root: string, folder: string): Promise<FileStamp | undefined> {
  try {
    const info = await stat(join(root, folder, ARTICLE_FILE))
    return { folder, mtimeMs: info.mtimeMs, size: info.size }
  } catch (error) {
    if (isErrnoException(error)) return undefined
    throw error
  }
}
