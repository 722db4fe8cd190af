import { z } from 'zod'
import { ArticleStatusSchema, type Article } from '../article/schema'
import type { TiptapNode } from '../article/tiptap-json'
import { plainText } from '../article/words'

/** What the search index holds of one article: its words by field, and what results filter on. */
export const SearchDocumentSchema = z.object({
  id: z.uuid(),
  headline: z.string(),
  standfirst: z.string(),
  /** The byline's names, one after the other. */
  byline: z.string(),
  /** The story's text without its figures. */
  body: z.string(),
  /** Every figure's caption, credit and alt text. */
  captions: z.string(),
  keywords: z.string(),
  /** The names of the people in the story's source log, so a desk finds every story quoting one. */
  sources: z.string(),
  status: ArticleStatusSchema,
  section: z.string(),
  bylineNames: z.array(z.string()),
  updatedAt: z.string(),
})
export type SearchDocument = z.infer<typeof SearchDocumentSchema>

/** The fields searched for words, in the order results show them. */
export const SEARCHED_FIELDS = [
  'headline',
  'standfirst',
  'byline',
  'keywords',
  'captions',
  'body',
  'sources',
] as const satisfies readonly (keyof SearchDocument)[]
export type SearchedField = (typeof SEARCHED_FIELDS)[number]

function collectText(node: TiptapNode, body: string[], captions: string[]): void {
  if (node.type === 'figure') {
    const { credit, alt } = node.attrs ?? {}
    captions.push(
      [plainText(node), credit, alt].filter((part) => typeof part === 'string').join('\n'),
    )
    return
  }
  const isBlockOfText = (node.content ?? []).some(
    (child) => child.type === 'text' || child.type === 'hardBreak',
  )
  if (isBlockOfText) {
    body.push(plainText(node))
    return
  }
  for (const child of node.content ?? []) collectText(child, body, captions)
}

/** A story body's text, and its figures' captions, credits and alt text apart from it. */
export function storyText(doc: TiptapNode): { body: string; captions: string } {
  const body: string[] = []
  const captions: string[] = []
  collectText(doc, body, captions)
  return { body: body.join('\n'), captions: captions.join('\n') }
}

export function searchDocumentOf(article: Article): SearchDocument {
  const { body, captions } = storyText(article.body)
  const bylineNames = article.byline.map((entry) => entry.name)
  return {
    id: article.id,
    headline: article.headline,
    standfirst: article.standfirst,
    byline: bylineNames.join('\n'),
    body,
    captions,
    keywords: article.keywords.join('\n'),
    sources: article.sources.map((source) => source.name).join('\n'),
    status: article.status,
    section: article.section,
    bylineNames,
    updatedAt: article.updatedAt,
  }
}
