import { Mark, mergeAttributes } from '@tiptap/core'
import Blockquote from '@tiptap/extension-blockquote'
import Document from '@tiptap/extension-document'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { asMarkup } from './markup'

/**
 * The marks of tracked changes, as @handlewithcare/prosemirror-suggest-changes names them. Each
 * carries only the suggestion's id: who made it and when is kept beside the text, in the
 * article's `suggestions`, so typing never has to rewrite attributes.
 */
export const SUGGESTION_MARK_NAMES = ['insertion', 'deletion', 'modification'] as const
export type SuggestionMarkName = (typeof SUGGESTION_MARK_NAMES)[number]

/**
 * Containers of blocks must allow the marks on their children: a new paragraph, list item or
 * figure, or one marked for deletion, carries the mark on the node itself.
 */
export const BLOCK_SUGGESTION_MARKS = SUGGESTION_MARK_NAMES.join(' ')

const idAttribute = {
  id: {
    default: null,
    parseHTML: (element: unknown) => asMarkup(element).getAttribute('data-suggestion'),
    renderHTML: (attributes: Record<string, unknown>) => ({
      'data-suggestion': String(attributes.id),
    }),
  },
}

/** Text or blocks proposed for insertion: underlined until accepted. */
export const Insertion = Mark.create({
  name: 'insertion',
  inclusive: false,
  excludes: BLOCK_SUGGESTION_MARKS,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: 'ins[data-suggestion]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes), 0],
})

/** Text or blocks proposed for deletion: struck through, still in the document until accepted. */
export const Deletion = Mark.create({
  name: 'deletion',
  inclusive: false,
  excludes: BLOCK_SUGGESTION_MARKS,
  addAttributes: () => idAttribute,
  // Before the strike mark's rule, which takes every `del`.
  parseHTML: () => [{ tag: 'del[data-suggestion]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes), 0],
})

/** A proposed change to a node's attribute (a figure's credit or alt text) or type. */
export const Modification = Mark.create({
  name: 'modification',
  inclusive: false,
  excludes: 'insertion deletion',
  addAttributes: () => ({
    ...idAttribute,
    type: { default: 'attr', renderHTML: () => ({}) },
    attrName: { default: null, renderHTML: () => ({}) },
    previousValue: { default: null, renderHTML: () => ({}) },
    newValue: { default: null, renderHTML: () => ({}) },
  }),
  parseHTML: () => [{ tag: 'span[data-modification]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { 'data-modification': '' }),
    0,
  ],
})

export const SuggestionMarks = [Insertion, Deletion, Modification]

/** The block containers of the body (tables too), allowing suggestion marks on the blocks they hold. */
export const SuggestableContainers = [
  Document.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  Blockquote.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  BulletList.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  OrderedList.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  ListItem.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  // Tables: fixed layout (no column resizing, whose widths would be page styling, not copy).
  Table.extend({ marks: BLOCK_SUGGESTION_MARKS }).configure({ resizable: false }),
  TableRow.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableHeader.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableCell.extend({ marks: BLOCK_SUGGESTION_MARKS }),
]
