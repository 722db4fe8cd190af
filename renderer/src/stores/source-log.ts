import type { QuoteLogEntry, Source } from '../../../shared/article'
import { useEditorStore } from './editor-store'
import { useSettings } from './settings-store'

/**
 * Changes to the open story's source and quote log, made as edits of the story like any other:
 * saved with it, or shared with the desk through its document.
 */

const now = () => new Date().toISOString()
const form = () => useEditorStore.getState().form
const edit = (patch: { sources?: Source[]; quotes?: QuoteLogEntry[] }) =>
  useEditorStore.getState().edit(patch)

export type SourceDetails = Omit<Source, 'id' | 'createdAt'>

export function addSource(details: SourceDetails): void {
  const sources = form()?.sources ?? []
  edit({ sources: [...sources, { ...details, id: crypto.randomUUID(), createdAt: now() }] })
}

export function updateSource(id: string, details: SourceDetails): void {
  const sources = form()?.sources ?? []
  edit({
    sources: sources.map((source) => (source.id === id ? { ...source, ...details } : source)),
  })
}

/** The source goes, and the quotes linked to it are left without one, to be linked again. */
export function removeSource(id: string): void {
  const current = form()
  if (!current) return
  edit({
    sources: current.sources.filter((source) => source.id !== id),
    quotes: current.quotes.map(({ sourceId, ...entry }) =>
      sourceId === id ? entry : { ...entry, ...(sourceId && { sourceId }) },
    ),
  })
}

type EntryChange = Partial<Pick<QuoteLogEntry, 'sourceId' | 'saidAt' | 'record'>>

/** Logs what is known of a quote, its entry made the first time anything is. */
export function changeQuote(quote: string, change: EntryChange): void {
  const quotes = form()?.quotes ?? []
  const entry = quotes.find((candidate) => candidate.quote === quote) ?? {
    id: crypto.randomUUID(),
    quote,
    saidAt: '',
    createdAt: now(),
  }
  const { sourceId: _old, ...rest } = entry
  const sourceId = 'sourceId' in change ? change.sourceId : entry.sourceId
  const next: QuoteLogEntry = { ...rest, ...change, ...(sourceId && { sourceId }) }
  if (!sourceId) delete next.sourceId
  edit({
    quotes: quotes.some(({ id }) => id === entry.id)
      ? quotes.map((candidate) => (candidate.id === entry.id ? next : candidate))
      : [...quotes, next],
  })
}

/** The desk ticks a quote checked, under the person's name, or takes the tick back. */
export function setQuoteChecked(quote: string, checked: boolean): void {
  changeQuote(quote, {})
  const quotes = form()?.quotes ?? []
  const by = useSettings.getState().settings?.displayName ?? ''
  edit({
    quotes: quotes.map((entry) => {
      if (entry.quote !== quote) return entry
      const { checked: _was, ...rest } = entry
      return checked ? { ...rest, checked: { by, at: now() } } : rest
    }),
  })
}

/** An entry whose quote is no longer in the text, taken out of the log. */
export function removeQuoteEntry(id: string): void {
  edit({ quotes: (form()?.quotes ?? []).filter((entry) => entry.id !== id) })
}
