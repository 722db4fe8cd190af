import type { TiptapNode } from '../article/tiptap-json'

/** Where a suggestion sits, in the words the desk uses. */
export type SuggestionField =
  'Headline' | 'Standfirst' | 'Byline' | 'Body' | 'Caption' | 'Credit' | 'Alt text'

export interface SuggestionSummary {
  id: string
  field: SuggestionField
  /** Text proposed for insertion ('' when none); blocks inserted count as a paragraph break. */
  inserted: string
  /** Text proposed for deletion ('' when none). */
  deleted: string
  /** A changed block type or attribute, e.g. "Heading" or the credit's old and new value. */
  change?: { what: string; from: string; to: string }
}

const ZERO_WIDTH_ANCHOR = /\u200B/g

const ATTRIBUTE_FIELDS: Record<string, SuggestionField> = { credit: 'Credit', alt: 'Alt text' }

const NODE_NAMES: Record<string, string> = {
  paragraph: 'Paragraph',
  heading: 'Subheading',
  pullQuote: 'Pull quote',
  blockquote: 'Quote',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
}

/**
 * The suggestions in a field's TipTap JSON, in document order, one entry per id: a replacement
 * typed over a selection is one suggestion with both deleted and inserted text.
 */
export function listSuggestions(doc: TiptapNode, field: SuggestionField): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>()
  const entry = (id: string, where: SuggestionField) => {
    let summary = byId.get(id)
    if (!summary) {
      summary = { id, field: where, inserted: '', deleted: '' }
      byId.set(id, summary)
    }
    return summary
  }
  const visit = (node: TiptapNode, where: SuggestionField) => {
    for (const mark of node.marks ?? []) {
      const id = String(mark.attrs?.id ?? '')
      if (!id) continue
      if (mark.type === 'insertion' || mark.type === 'deletion') {
        const text = node.type === 'text' ? (node.text ?? '').replace(ZERO_WIDTH_ANCHOR, '') : ''
        const summary = entry(id, where)
        const key = mark.type === 'insertion' ? 'inserted' : 'deleted'
        summary[key] += node.type === 'text' ? text : summary[key] ? '\n' : ''
      } else if (mark.type === 'modification') {
        const { type, attrName, previousValue, newValue } = mark.attrs ?? {}
        if (type === 'attr' && typeof attrName === 'string') {
          const attributeField = ATTRIBUTE_FIELDS[attrName]
          const summary = entry(id, attributeField ?? where)
          summary.change = {
            what: attributeField ?? attrName,
            from: String(previousValue ?? ''),
            to: String(newValue ?? ''),
          }
        } else if (type === 'nodeType') {
          entry(id, where).change = {
            what: 'Style',
            from: NODE_NAMES[String(previousValue)] ?? String(previousValue),
            to: NODE_NAMES[String(newValue)] ?? String(newValue),
          }
        }
      }
    }
    const inner = node.type === 'figure' ? 'Caption' : where
    for (const child of node.content ?? []) visit(child, inner)
  }
  visit(doc, field)
  return [...byId.values()]
}

/** Every suggestion id in the JSON, to keep only the authorship records still needed. */
export function suggestionIds(doc: TiptapNode, into = new Set<string>()): Set<string> {
  for (const mark of doc.marks ?? []) {
    if (['insertion', 'deletion', 'modification'].includes(mark.type) && mark.attrs?.id != null) {
      into.add(String(mark.attrs.id))
    }
  }
  for (const child of doc.content ?? []) suggestionIds(child, into)
  return into
}
