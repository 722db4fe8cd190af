import { formatByline, type Article } from '../article'
import { exportedBody } from './body'
import { bodyCounts } from './body-counts'
import { figuresOf, type FigureInfo } from './figures'
import { renderBodyHtml } from './html'
import { NINJS_PROFILE } from './ninjs-profile'
import type { ExportContext, Rendition } from './renditions'

/**
 * IPTC ninjs, the JSON news format agencies and CMSs exchange. 2.x spells properties in lower
 * case, 3.x in camelCase; both are built from one description of the story so they say the same.
 */
type Version = '2.2' | '3.1'

const ARTICLE_URI_PREFIX = 'urn:uuid:'
const IMAGE_URI_PREFIX = 'urn:copydesk:image:'

/**
 * ninjs "by": the people with their roles, as a reader would say them ("Jo Smith (Political
 * editor) and Sam Lee"), which Copydesk's own import reads back into names and roles.
 */
const byOf = (article: Article): string => formatByline(article.byline).replace(/^By /, '')

const pubStatusOf = (article: Article) =>
  article.status === 'ready' || article.status === 'published' ? 'usable' : 'withheld'

function keyFor(version: Version, ninjs22: string, ninjs31: string) {
  return version === '2.2' ? ninjs22 : ninjs31
}

function renditionsOf(
  figure: FigureInfo,
  context: ExportContext,
  version: Version,
): Record<string, unknown>[] | undefined {
  const renditions = context.renditions?.[figure.src]
  if (!renditions?.length) return undefined
  return renditions.map((rendition: Rendition) => ({
    name: rendition.name,
    ...(context.imageBaseUrl
      ? { href: new URL(rendition.path, context.imageBaseUrl).href }
      : { title: rendition.path }),
    [keyFor(version, 'contenttype', 'contentType')]: rendition.mimeType,
    width: rendition.width,
    height: rendition.height,
    [keyFor(version, 'sizeinbytes', 'sizeInBytes')]: rendition.sizeInBytes,
  }))
}

/** A picture's creator and source are ninjs info sources, with the role Copydesk reads back. */
export const INFO_SOURCE_ROLES = ['creator', 'source'] as const

function pictureAssociation(
  figure: FigureInfo,
  index: number,
  context: ExportContext,
  version: Version,
) {
  const fileName = figure.src.replace(/^assets\//, '')
  const descriptions = [
    figure.caption && { role: 'caption', value: figure.caption },
    figure.alt && { role: 'alt-text', value: figure.alt },
  ].filter(Boolean)
  const renditions = renditionsOf(figure, context, version)
  const infoSources = INFO_SOURCE_ROLES.filter((role) => figure[role]).map((role) => ({
    name: figure[role],
    role,
  }))
  return {
    name: figure.lead ? 'featureimage' : `picture${index + 1}`,
    // A picture never downloaded (an export forced past preflight) is named where it is.
    uri: figure.src ? `${IMAGE_URI_PREFIX}${encodeURIComponent(fileName)}` : figure.sourceUrl,
    type: 'picture',
    ...(descriptions.length && { descriptions }),
    // The credit line says who to credit, not who holds the copyright: that is not invented.
    ...(figure.credit && { by: figure.credit }),
    // The picture's own copyright notice, creator and source, as its metadata stated them.
    ...(figure.copyright && {
      [keyFor(version, 'copyrightnotice', 'copyrightNotice')]: figure.copyright,
    }),
    ...(infoSources.length && { [keyFor(version, 'infosources', 'infoSources')]: infoSources }),
    ...(renditions && { renditions }),
  }
}

function buildNinjs(article: Article, context: ExportContext, version: Version) {
  const body = exportedBody(article.body)
  const counts = bodyCounts(body)
  const html = renderBodyHtml(body, context)
  const headlines = [
    { role: 'main', value: article.headline },
    ...(article.standfirst ? [{ role: 'sub', value: article.standfirst }] : []),
  ]
  const subjects = article.keywords.map((keyword) => ({ name: keyword }))
  const by = byOf(article)
  const associations = figuresOf(article.body).map((figure, index) =>
    pictureAssociation(figure, index, context, version),
  )
  return {
    uri: `${ARTICLE_URI_PREFIX}${article.id}`,
    type: 'text',
    profile: NINJS_PROFILE,
    version: String(article.revision),
    [keyFor(version, 'versioncreated', 'versionCreated')]: article.updatedAt,
    [keyFor(version, 'firstcreated', 'firstCreated')]: article.createdAt,
    [keyFor(version, 'pubstatus', 'pubStatus')]: pubStatusOf(article),
    language: context.language,
    slugline: article.slug,
    headlines,
    ...(by && { by }),
    ...(article.dateline && { located: article.dateline }),
    ...(subjects.length && { subjects }),
    bodies: [
      {
        role: 'main',
        [keyFor(version, 'contenttype', 'contentType')]: 'text/html',
        [keyFor(version, 'charcount', 'charCount')]: counts.characters,
        [keyFor(version, 'wordcount', 'wordCount')]: counts.words,
        value: html,
      },
    ],
    ...(associations.length && { associations }),
  }
}

export const buildNinjs22 = (article: Article, context: ExportContext) =>
  buildNinjs(article, context, '2.2')
export const buildNinjs31 = (article: Article, context: ExportContext) =>
  buildNinjs(article, context, '3.1')
