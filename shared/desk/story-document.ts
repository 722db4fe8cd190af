import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap'
import type { Schema } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { ArticleFieldsSchema, baseTextOf, type ArticleFields, type TrackedLine } from '../article'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodySchema, singleLineSchema } from '../editor/schemas'
import { alignWordEdits } from './word-aligned-edits'

/**
 * How a story lives in one shared Yjs document, field by field, so that two people's edits made
 * apart merge instead of one overwriting the other:
 * - `body`, `headline`, `standfirst`: ProseMirror documents, as TipTap's Collaboration
 *   extension binds them (suggestion and comment marks included);
 * - `details`: the one-value fields (slug, dateline, section, status): the later change wins;
 * - `byline`, `keywords`, `styleIgnores`: lists, edited where they differ, so additions made
 *   apart are both kept;
 * - `comments`, `suggestions`, `sources`, `quotes`: keyed by id, so threads, sources and quotes
 *   logged apart are all kept.
 */
export const STORY_PARTS = {
  body: 'body',
  headline: 'headline',
  standfirst: 'standfirst',
  details: 'details',
  byline: 'byline',
  keywords: 'keywords',
  styleIgnores: 'styleIgnores',
  comments: 'comments',
  suggestions: 'suggestions',
  sources: 'sources',
  quotes: 'quotes',
} as const

const DETAIL_KEYS = ['slug', 'dateline', 'section', 'status', 'slot'] as const
type ListKey = 'byline' | 'keywords' | 'styleIgnores'
const LIST_KEYS: readonly ListKey[] = ['byline', 'keywords', 'styleIgnores']

/** The parts readStoryDetails reads: all but the rich texts, which the field editors bind. */
const DETAIL_PARTS = [
  STORY_PARTS.details,
  ...LIST_KEYS,
  STORY_PARTS.comments,
  STORY_PARTS.suggestions,
  STORY_PARTS.sources,
  STORY_PARTS.quotes,
]

/**
 * Whether a transaction changed any of the story's details: most of others' changes are typing in
 * a rich text, and reading every detail again for each of them cost a page in a busy story more
 * than its own typing did.
 */
export function changesStoryDetails(transaction: Y.Transaction): boolean {
  return DETAIL_PARTS.some((name) => {
    const part = transaction.doc.share.get(name)
    return (
      part !== undefined &&
      (transaction.changed.has(part) || transaction.changedParentTypes.has(part))
    )
  })
}

/** Whether nothing has been written to this document yet: a story not yet sent to the desk. */
export function isEmptyStory(doc: Y.Doc): boolean {
  return doc.getMap(STORY_PARTS.details).size === 0 && doc.getXmlFragment('body').length === 0
}

/**
 * Writes the article's fields into the document as one change, touching only what differs, so
 * that what another person changed meanwhile in other places survives the merge.
 */
export function writeStory(doc: Y.Doc, fields: ArticleFields): void {
  doc.transact(() => {
    writeRichText(doc, STORY_PARTS.body, articleBodySchema(), fields.body)
    writeRichText(
      doc,
      STORY_PARTS.headline,
      singleLineSchema(),
      lineDoc(fields.headline, fields.tracked.headline),
    )
    writeRichText(
      doc,
      STORY_PARTS.standfirst,
      singleLineSchema(),
      lineDoc(fields.standfirst, fields.tracked.standfirst),
    )
    writeStoryDetails(doc, fields)
  })
}

/** The fields an editor binds to no rich-text part: written as a form edits them. */
export const StoryDetailsSchema = ArticleFieldsSchema.pick({
  slug: true,
  dateline: true,
  section: true,
  status: true,
  slot: true,
  byline: true,
  keywords: true,
  styleIgnores: true,
  comments: true,
  suggestions: true,
  sources: true,
  quotes: true,
})
export type StoryDetails = Pick<ArticleFields, keyof typeof StoryDetailsSchema.shape>

/** Those fields as the document holds them; undefined when they do not fit the article schema. */
export function readStoryDetails(doc: Y.Doc): StoryDetails | undefined {
  const details = doc.getMap<unknown>(STORY_PARTS.details)
  const parsed = StoryDetailsSchema.safeParse({
    ...Object.fromEntries(DETAIL_KEYS.map((key) => [key, details.get(key)])),
    byline: doc.getArray(STORY_PARTS.byline).toArray(),
    keywords: doc.getArray(STORY_PARTS.keywords).toArray(),
    styleIgnores: doc.getArray(STORY_PARTS.styleIgnores).toArray(),
    comments: byCreation(doc.getMap(STORY_PARTS.comments)),
    suggestions: byCreation(doc.getMap(STORY_PARTS.suggestions)),
    sources: byCreation(doc.getMap(STORY_PARTS.sources)),
    quotes: byCreation(doc.getMap(STORY_PARTS.quotes)),
  })
  return parsed.success ? parsed.data : undefined
}

/**
 * Writes the fields given, of those but the rich texts (which TipTap's Collaboration extension
 * edits in place), touching only what differs.
 */
export function writeStoryDetails(doc: Y.Doc, fields: Partial<StoryDetails>): void {
  doc.transact(() => {
    const details = doc.getMap<string>(STORY_PARTS.details)
    for (const key of DETAIL_KEYS) {
      const value = fields[key]
      if (value !== undefined && details.get(key) !== value) details.set(key, value)
    }
    // A slot taken off is written as empty: an absent value means "not changed" above.
    if ('slot' in fields && fields.slot === undefined && details.get('slot')) details.delete('slot')
    for (const key of LIST_KEYS) {
      const value = fields[key]
      if (value) writeList(doc.getArray<unknown>(key), value)
    }
    if (fields.comments) writeById(doc.getMap(STORY_PARTS.comments), fields.comments)
    if (fields.suggestions) writeById(doc.getMap(STORY_PARTS.suggestions), fields.suggestions)
    if (fields.sources) writeById(doc.getMap(STORY_PARTS.sources), fields.sources)
    if (fields.quotes) writeById(doc.getMap(STORY_PARTS.quotes), fields.quotes)
  })
}

/**
 * The fields of `next` that differ from `base`: what one person changed since their copy and the
 * shared document last agreed, so that writing it leaves everything others changed meanwhile.
 */
export function detailsChangedSince(base: StoryDetails, next: StoryDetails): Partial<StoryDetails> {
  const changed: Partial<StoryDetails> = {}
  for (const key of Object.keys(StoryDetailsSchema.shape) as (keyof StoryDetails)[])
    if (JSON.stringify(base[key]) !== JSON.stringify(next[key]))
      Object.assign(changed, { [key]: next[key] })
  return changed
}

/**
 * The article's fields as the document holds them, unchecked: the desk server and the app
 * validate them with `ArticleFieldsSchema` before anything is stored or shown.
 */
export function readStory(
  doc: Y.Doc,
): Record<Exclude<keyof ArticleFields, 'slot'>, unknown> & { slot?: unknown } {
  const details = doc.getMap<unknown>(STORY_PARTS.details)
  const headline = readLine(doc, STORY_PARTS.headline)
  const standfirst = readLine(doc, STORY_PARTS.standfirst)
  const tracked: { headline?: TrackedLine; standfirst?: TrackedLine } = {}
  if (headline.tracked) tracked.headline = headline.tracked
  if (standfirst.tracked) tracked.standfirst = standfirst.tracked
  return {
    slug: details.get('slug'),
    dateline: details.get('dateline'),
    section: details.get('section'),
    status: details.get('status'),
    // Present only when set, as in the article's file, so that the two compare equal.
    ...(details.has('slot') && { slot: details.get('slot') }),
    headline: headline.text,
    standfirst: standfirst.text,
    body: readBody(doc),
    byline: doc.getArray(STORY_PARTS.byline).toArray(),
    keywords: doc.getArray(STORY_PARTS.keywords).toArray(),
    styleIgnores: doc.getArray(STORY_PARTS.styleIgnores).toArray(),
    comments: byCreation(doc.getMap(STORY_PARTS.comments)),
    suggestions: byCreation(doc.getMap(STORY_PARTS.suggestions)),
    sources: byCreation(doc.getMap(STORY_PARTS.sources)),
    quotes: byCreation(doc.getMap(STORY_PARTS.quotes)),
    tracked,
  }
}

/** The status the document holds, if it holds one. */
export function storyStatus(doc: Y.Doc): unknown {
  return doc.getMap<unknown>(STORY_PARTS.details).get('status')
}

/** As ProseMirror writes it (y-tiptap gives marks without attributes an empty `attrs`). */
function readBody(doc: Y.Doc): unknown {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(STORY_PARTS.body))
  try {
    return articleBodySchema().nodeFromJSON(json).toJSON()
  } catch {
    // Not a body this schema knows: returned as it is, for validation to refuse with a reason.
    return json
  }
}

const lineDoc = (text: string, tracked: TrackedLine | undefined): TiptapNode => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      ...((tracked ?? text) ? { content: tracked ?? [{ type: 'text', text }] } : {}),
    },
  ],
})

function readLine(doc: Y.Doc, name: string): { text: unknown; tracked?: TrackedLine } {
  const fragment = doc.getXmlFragment(name)
  if (fragment.length === 0) return { text: undefined }
  const json = yXmlFragmentToProsemirrorJSON(fragment) as TiptapNode
  const line = (json.content?.[0]?.content ?? []) as TrackedLine
  const hasSuggestions = line.some((node) => node.marks !== undefined && node.marks.length > 0)
  return hasSuggestions ? { text: baseTextOf(line), tracked: line } : { text: baseTextOf(line) }
}

function writeRichText(doc: Y.Doc, name: string, schema: Schema, json: TiptapNode): void {
  const fragment = doc.getXmlFragment(name)
  if (fragment.length === 0) {
    prosemirrorJSONToYXmlFragment(schema, json, fragment)
    return
  }
  const next = schema.nodeFromJSON(json)
  alignWordEdits(fragment, next)
  // y-tiptap's own diff, as its editor binding uses: unchanged paragraphs keep their identity.
  updateYFragment(doc, fragment, next, {
    mapping: new Map(),
    isOMark: new Map(),
  })
}

/** Replaces only the run between the common start and end, so others' additions elsewhere stay. */
function writeList(list: Y.Array<unknown>, next: readonly unknown[]): void {
  const current = list.toArray()
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  let start = 0
  while (start < current.length && start < next.length && same(current[start], next[start])) start++
  let end = 0
  while (
    end < current.length - start &&
    end < next.length - start &&
    same(current[current.length - 1 - end], next[next.length - 1 - end])
  )
    end++
  const removed = current.length - start - end
  if (removed > 0) list.delete(start, removed)
  const added = next.slice(start, next.length - end)
  if (added.length > 0) list.insert(start, added)
}

function writeById<T extends { id: string }>(map: Y.Map<unknown>, next: readonly T[]): void {
  const ids = new Set(next.map((entry) => entry.id))
  for (const id of [...map.keys()]) if (!ids.has(id)) map.delete(id)
  for (const entry of next)
    if (JSON.stringify(map.get(entry.id)) !== JSON.stringify(entry)) map.set(entry.id, entry)
}

/** Entries in the order they were made, as the article file lists them. */
function byCreation(map: Y.Map<unknown>): unknown[] {
  const createdAt = (entry: unknown) =>
    typeof entry === 'object' && entry !== null && 'createdAt' in entry
      ? String(entry.createdAt)
      : ''
  return [...map.entries()]
    .sort(
      ([idA, a], [idB, b]) => createdAt(a).localeCompare(createdAt(b)) || idA.localeCompare(idB),
    )
    .map(([, entry]) => entry)
}

/** The headline the document holds (without pending insertions), if it holds one. */
export function storyHeadline(doc: Y.Doc): unknown {
  return readLine(doc, STORY_PARTS.headline).text
}
