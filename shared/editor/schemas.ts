import { getSchema } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import type { Extensions } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { articleBodyExtensions } from './extensions'
import { BLOCK_SUGGESTION_MARKS, SuggestionMarks } from './suggestion-marks'

/** A headline or standfirst is one paragraph: the document holds exactly one. */
export const OneParagraph = Document.extend({ content: 'paragraph', marks: BLOCK_SUGGESTION_MARKS })

/** The nodes and marks of a one-line field (headline, standfirst) with its tracked changes. */
export const singleLineExtensions = (): Extensions => [
  OneParagraph,
  Paragraph,
  Text,
  ...SuggestionMarks,
]

let body: Schema | undefined
let singleLine: Schema | undefined

/** The ProseMirror schema of an article body, built once: building it costs milliseconds. */
export const articleBodySchema = (): Schema => (body ??= getSchema(articleBodyExtensions()))

/** The ProseMirror schema of a headline or standfirst. */
export const singleLineSchema = (): Schema => (singleLine ??= getSchema(singleLineExtensions()))
