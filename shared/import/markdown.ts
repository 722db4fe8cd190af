import { Marked, type Tokens } from 'marked'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { ArticleStatusSchema, BylineEntrySchema } from '../article/schema'
import { parseBylineText } from '../article/byline'
import { pictureFromFigureHtml } from './figure-html'
import { emptyStory, picturePlaceholder, type ParsedStory } from './parsed-story'

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/

const text = z.string().trim()
/** What front matter may say; anything else in it is ignored, anything malformed is an error. */
const FrontMatterSchema = z.looseObject({
  headline: text.optional(),
  title: text.optional(),
  standfirst: text.optional(),
  description: text.optional(),
  byline: z.union([text, z.array(z.union([text, BylineEntrySchema]))]).optional(),
  status: ArticleStatusSchema.optional(),
  keywords: z.union([text, z.array(text)]).optional(),
  dateline: text.optional(),
  slug: text.optional(),
})

export class MarkdownImportError extends Error {}

/**
 * Markdown with optional front matter (headline, standfirst, byline, status, keywords). Without
 * them, the first `#` heading is the headline, a paragraph that is all bold right after it the
 * standfirst, and an italic "By …" line the byline, as Copydesk's own Markdown export writes.
 */
export function parseMarkdown(source: string): ParsedStory {
  const story = emptyStory()
  let markdown = source
  const front = FRONT_MATTER.exec(source)
  if (front) {
    markdown = source.slice(front[0].length)
    let data: unknown
    try {
      data = parseYaml(front[1] ?? '') ?? {}
    } catch (error) {
      throw new MarkdownImportError(
        `its front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      )
    }
    const parsed = FrontMatterSchema.safeParse(data)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new MarkdownImportError(
        `its front matter has an invalid ${issue?.path.join('.')}: ${issue?.message}`,
      )
    }
    const matter = parsed.data
    story.headline = matter.headline ?? matter.title ?? ''
    story.standfirst = matter.standfirst ?? matter.description ?? ''
    story.dateline = matter.dateline ?? ''
    if (matter.status) story.status = matter.status
    if (matter.slug) story.slug = matter.slug
    if (typeof matter.byline === 'string') story.byline = parseBylineText(matter.byline)
    else if (matter.byline) {
      story.byline = matter.byline.flatMap((entry) =>
        typeof entry === 'string' ? parseBylineText(entry) : [entry],
      )
    }
    if (matter.keywords) {
      story.keywords = (
        typeof matter.keywords === 'string' ? matter.keywords.split(',') : matter.keywords
      )
        .map((keyword) => keyword.trim())
        .filter(Boolean)
    }
  }

  const marked = new Marked({ gfm: true })
  const tokens = marked.lexer(markdown)
  const body: Tokens.Generic[] = []
  // Front matter that names a field says it exactly: the heading, bold line and "By" line that
  // show the same field on the page are left out, and never read as another field.
  const given = {
    headline: Boolean(story.headline),
    standfirst: Boolean(front && /^(standfirst|description):/m.test(front[1] ?? '')),
    byline: story.byline.length > 0,
  }
  // The opening lines, each at most once and in the order the export writes them.
  const seen = { heading: false, standfirst: false, byline: false }
  for (const token of tokens) {
    if (token.type === 'space') continue
    const opening = body.length === 0
    if (opening && !seen.heading && token.type === 'heading' && token.depth === 1) {
      seen.heading = true
      if (!given.headline) {
        story.headline = plain(token.text)
        continue
      }
      if (plain(token.text) === story.headline) continue
    }
    if (opening && token.type === 'paragraph' && !seen.byline) {
      const bold = /^\*\*((?:\\.|[^*\\])+)\*\*$/.exec(token.text.trim())
      if (bold?.[1] && !seen.standfirst) {
        seen.standfirst = true
        if (!given.standfirst && !story.byline.length) {
          story.standfirst = plain(bold[1])
          continue
        }
        if (given.standfirst && plain(bold[1]) === story.standfirst) continue
      }
      const byline = /^[*_]?By\s+(.+?)[*_]?$/i.exec(token.text.trim())
      const shownByline = given.byline && /^[*_].*[*_]$/.test(token.text.trim())
      if (byline?.[1] && (story.byline.length === 0 || shownByline)) {
        seen.byline = true
        if (!given.byline) story.byline = parseBylineText(plain(byline[1]))
        continue
      }
    }
    body.push(token)
  }

  marked.use({
    renderer: {
      // A picture becomes a figure of its own: its alt text, and its title as the caption.
      image: ({ href, title, text: alt }: Tokens.Image) => {
        story.pictures.push({
          caption: title ?? '',
          credit: '',
          alt,
          ...(/^(https?:)?\/\//i.test(href) ? { url: href } : { path: decodeURI(href) }),
          name: href.split('/').pop() ?? href,
        })
        return picturePlaceholder(story.pictures.length - 1)
      },
      // Raw HTML in Markdown is not carried over, only Markdown's own structure, and the figures
      // and pull quotes Copydesk writes as HTML blocks (read by the article's schema after this,
      // like any imported HTML).
      html: (token: Tokens.HTML | Tokens.Tag) => {
        const raw = token.text
        if (token.block && /^<figure\b/i.test(raw)) {
          story.pictures.push(pictureFromFigureHtml(raw, story.pictures.length))
          return picturePlaceholder(story.pictures.length - 1)
        }
        if (token.block && /^<aside class="pull-quote">/i.test(raw)) return raw
        return raw.replace(/<[^>]*>/g, '')
      },
      heading: ({ tokens: inline, depth }: Tokens.Heading) => {
        const level = Math.min(3, Math.max(2, depth))
        return `<h${level}>${marked.Parser.parseInline(inline)}</h${level}>`
      },
    },
  })
  story.bodyHtml = marked.parser(body as Tokens.Generic[] as Parameters<typeof marked.parser>[0])
  return story
}

/** Markdown inline syntax and escapes removed: "**Rates** \\*rise\\*" -> "Rates *rise*". */
function plain(inline: string): string {
  return inline
    .replace(/(?<!\\)(\*\*|__|\*|_|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&])/g, '$1')
}
