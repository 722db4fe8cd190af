import { z } from 'zod'
import { checkLimit, type Article } from '../article'
import { checkText, ignoreKey, type CompiledRule } from '../style/check'
import { pendingSuggestionCount } from '../suggestions/pending'
import { awaitsPicture } from '../editor/figure'
import { storyQuoteLines, unattributedQuotes, uncheckedQuotes } from '../quotes/quote-log'
import { bodyText, figuresOf } from './figures'
import { buildNinjs22, buildNinjs31 } from './ninjs'
import { Ninjs22Schema, Ninjs31Schema } from './ninjs-schema'
import type { ExportContext } from './renditions'
import { describeFit, overBy, type CopyfitReport } from '../copyfit/copyfit-report'

/** Where a problem is, so the app can take the person there. */
export const PreflightTargetSchema = z.object({
  field: z.enum([
    'Headline',
    'Standfirst',
    'Byline',
    'Body',
    'Figure',
    'Suggestions',
    'Style',
    'Sources',
  ]),
  /** For a figure: which one, counted from 0 in reading order. */
  figureIndex: z.number().int().nonnegative().optional(),
  /** For a figure: which of its fields. */
  figureField: z.enum(['Caption', 'Credit', 'Alt text']).optional(),
})
export type PreflightTarget = z.infer<typeof PreflightTargetSchema>

export const PreflightItemSchema = z.object({
  code: z.string(),
  severity: z.enum(['blocking', 'warning']),
  message: z.string(),
  target: PreflightTargetSchema,
  /** Blocking problems can be overridden (CLI --force) except those that would leak desk text. */
  overridable: z.boolean(),
})
export type PreflightItem = z.infer<typeof PreflightItemSchema>

export const PreflightReportSchema = z.object({
  items: z.array(PreflightItemSchema),
  blocking: z.number().int(),
  warnings: z.number().int(),
})
export type PreflightReport = z.infer<typeof PreflightReportSchema>

export interface PreflightInput {
  /** Asset paths of figures whose image file is not in the article folder. */
  missingImages: ReadonlySet<string>
  headlineLimit: number
  standfirstLimit: number
  styleRules: CompiledRule[]
  context: ExportContext
  /** The newsroom's rule that no quote leaves unchecked: a warning otherwise. */
  quotesMustBeChecked: boolean
  /** How the story fits the slot it was given, when it has one. */
  copyfit?: CopyfitReport
}

/** "TK" (to come) marks a fact still to be filled in; it must never reach print. */
const PLACEHOLDER = /\bTK(?:TK)*\b/

/** The checklist before any export: what stops it, and what a producer should look at. */
export function preflight(article: Article, input: PreflightInput): PreflightReport {
  const items: PreflightItem[] = []
  const block = (code: string, message: string, target: PreflightTarget, overridable = true) =>
    items.push({ code, severity: 'blocking', message, target, overridable })
  const warn = (code: string, message: string, target: PreflightTarget) =>
    items.push({ code, severity: 'warning', message, target, overridable: true })

  if (!article.headline.trim())
    block('no-headline', 'The story has no headline.', { field: 'Headline' })
  if (article.byline.length === 0)
    block('no-byline', 'The story has no byline.', { field: 'Byline' })

  const pending = pendingSuggestionCount(article)
  if (pending > 0) {
    block(
      'suggestions',
      `${pending} suggestion${pending === 1 ? ' is' : 's are'} waiting to be accepted or rejected.`,
      { field: 'Suggestions' },
      false,
    )
  }

  const figures = figuresOf(article.body)
  figures.forEach((figure, figureIndex) => {
    const name = `Picture ${figureIndex + 1}`
    const at = (figureField?: PreflightTarget['figureField']) => ({
      field: 'Figure' as const,
      figureIndex,
      ...(figureField && { figureField }),
    })
    if (awaitsPicture(figure)) {
      block(
        'picture-not-downloaded',
        figure.sourceUrl
          ? `${name} was not downloaded (${figure.sourceUrl}): drop the picture file on it, or remove it.`
          : `${name} has no picture yet: drop the picture file on it, or remove it.`,
        at(),
      )
    } else if (input.missingImages.has(figure.src)) {
      block('missing-image', `${name}: the image file ${figure.src} is missing.`, at())
    }
    if (!figure.caption.trim()) block('no-caption', `${name} has no caption.`, at('Caption'))
    if (!figure.credit.trim()) block('no-credit', `${name} has no credit.`, at('Credit'))
    if (!figure.alt.trim()) block('no-alt', `${name} has no alt text.`, at('Alt text'))
  })

  const placeholderIn: [PreflightTarget['field'], string][] = [
    ['Headline', article.headline],
    ['Standfirst', article.standfirst],
    ['Body', bodyText(article.body)],
    ...figures.map(
      (figure) =>
        ['Figure', `${figure.caption} ${figure.credit} ${figure.alt}`] as [
          PreflightTarget['field'],
          string,
        ],
    ),
  ]
  for (const [field, text] of placeholderIn) {
    if (PLACEHOLDER.test(text)) {
      block(
        'placeholder',
        `"TK" is still in the ${field.toLowerCase()}: fill in what is to come.`,
        {
          field,
        },
      )
    }
  }

  const headline = checkLimit(article.headline, input.headlineLimit)
  if (headline.over) {
    warn(
      'headline-long',
      `The headline is ${headline.over} characters over the limit of ${headline.limit}.`,
      {
        field: 'Headline',
      },
    )
  }
  const standfirst = checkLimit(article.standfirst, input.standfirstLimit)
  if (standfirst.over) {
    warn(
      'standfirst-long',
      `The standfirst is ${standfirst.over} characters over the limit of ${standfirst.limit}.`,
      { field: 'Standfirst' },
    )
  }

  const styleText = [
    article.headline,
    article.standfirst,
    bodyText(article.body),
    ...figures.map((f) => f.caption),
  ]
  const styleMatches = styleText
    .flatMap((text) => checkText(text, input.styleRules))
    .filter((match) => !article.styleIgnores.includes(ignoreKey(match)))
  if (styleMatches.length) {
    warn(
      'style',
      `${styleMatches.length} house-style match${styleMatches.length === 1 ? ' is' : 'es are'} left.`,
      { field: 'Style' },
    )
  }
  for (const fit of input.copyfit?.fields ?? []) {
    if (!overBy(fit)) continue
    const field = fit.field === 'Standfirst' || fit.field === 'Body' ? fit.field : 'Headline'
    warn('copyfit-over', `${describeFit(fit)} in “${input.copyfit?.slotName}”.`, { field })
  }

  const quotes = storyQuoteLines(article, input.context.language)
  const listed = (lines: readonly { quote: string }[]) =>
    lines.map(({ quote }) => `“${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`).join(', ')
  const unchecked = uncheckedQuotes(quotes)
  if (unchecked.length) {
    const message = `${unchecked.length} quote${unchecked.length === 1 ? ' is' : 's are'} not checked: ${listed(unchecked)}.`
    if (input.quotesMustBeChecked) block('quotes-unchecked', message, { field: 'Sources' })
    else warn('quotes-unchecked', message, { field: 'Sources' })
  }
  const unattributed = unattributedQuotes(quotes)
  if (unattributed.length) {
    warn(
      'quotes-unattributed',
      `${unattributed.length} quote${unattributed.length === 1 ? ' has' : 's have'} no source: ${listed(unattributed)}.`,
      { field: 'Sources' },
    )
  }

  if (!figures.some((figure) => figure.lead)) {
    warn(
      'no-lead-image',
      figures.length ? 'No picture is marked as the lead image.' : 'The story has no picture.',
      {
        field: figures.length ? 'Figure' : 'Body',
        ...(figures.length && { figureIndex: 0 }),
      },
    )
  }

  for (const [version, schema, build] of [
    ['2.2', Ninjs22Schema, buildNinjs22],
    ['3.1', Ninjs31Schema, buildNinjs31],
  ] as const) {
    const checked = schema.safeParse(build(article, input.context))
    if (!checked.success) {
      const issue = checked.error.issues[0]
      block(
        'ninjs',
        `The ninjs ${version} export is not valid: ${issue?.path.join('.')}: ${issue?.message}`,
        {
          field: 'Body',
        },
      )
    }
  }

  const blocking = items.filter((item) => item.severity === 'blocking').length
  return { items, blocking, warnings: items.length - blocking }
}
