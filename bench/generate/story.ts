import { countWords, plainText } from '../../shared/article/words'
import type { TiptapNode } from '../../shared/article/tiptap-json'
import type { NewArticleInput } from '../../shared/article/create'
import { ARTICLE_STATUSES } from '../../shared/article'
import type { Random } from './random'
import {
  ADJECTIVES,
  FIRST_NAMES,
  LAST_NAMES,
  NOUNS,
  ORGANISATIONS,
  PLACES,
  REACTIONS,
  ROLES,
  SECTIONS,
  TIMES,
  TOPICS,
  VERBS,
} from './newsroom-words'

/** The picture every generated figure points at; the generator writes it into assets/. */
export const FIGURE_FILE = 'generated-figure.jpg'
const WORDS_PER_FIGURE = 500

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const text = (value: string): TiptapNode => ({ type: 'text', text: value })
const paragraph = (value: string): TiptapNode => ({ type: 'paragraph', content: [text(value)] })

export const personName = (random: Random) =>
  `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`

function sentence(random: Random, topic: string): string {
  const forms = [
    () =>
      `${capitalise(random.pick(ORGANISATIONS))} ${random.pick(VERBS)} the ${random.pick(ADJECTIVES)} ${topic} ${random.pick(NOUNS)} ${random.pick(TIMES)}.`,
    () =>
      `"${random.pick(REACTIONS)}," said ${personName(random)}, who has lived in ${random.pick(PLACES)} for ${random.int(2, 40)} years.`,
    () =>
      `The ${random.pick(NOUNS)} would cost about $${random.int(2, 900)} million over ${random.int(2, 12)} years, according to ${random.pick(ORGANISATIONS)}.`,
    () =>
      `${personName(random)} said the ${topic} ${random.pick(NOUNS)} in ${random.pick(PLACES)} had been ${random.pick(VERBS)} ${random.pick(TIMES)}.`,
    () =>
      `About ${random.int(20, 9000).toLocaleString('en-GB')} people were affected, ${random.int(2, 60)}% more than a year earlier.`,
    () =>
      `Critics of the ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} say ${random.pick(ORGANISATIONS)} ignored the ${random.pick(TOPICS)} ${random.pick(NOUNS)}.`,
  ]
  return random.pick(forms)()
}

function paragraphText(random: Random, topic: string): string {
  return Array.from({ length: random.int(1, 3) }, () => sentence(random, topic)).join(' ')
}

function figure(random: Random, topic: string): TiptapNode {
  const place = random.pick(PLACES)
  return {
    type: 'figure',
    attrs: {
      src: `assets/${FIGURE_FILE}`,
      alt: `A ${topic} scene in ${place}.`,
      credit: `Photo: ${personName(random)}`,
    },
    content: [text(`The ${topic} ${random.pick(NOUNS)} in ${place} ${random.pick(TIMES)}.`)],
  }
}

/**
 * A story body of about `words` words, shaped like real copy: paragraphs of one to three
 * sentences, a subheading every few paragraphs, quotes, the odd list, and one figure every 500
 * words.
 */
export function storyBody(random: Random, words: number, topic: string): TiptapNode {
  const content: TiptapNode[] = []
  let written = 0
  let nextFigureAt = WORDS_PER_FIGURE
  let sinceHeading = 0
  while (written < words) {
    let block: TiptapNode
    if (sinceHeading >= random.int(5, 9)) {
      block = {
        type: 'heading',
        attrs: { level: 2 },
        content: [text(capitalise(`${random.pick(ADJECTIVES)} ${topic} ${random.pick(NOUNS)}`))],
      }
      sinceHeading = 0
    } else if (random.chance(0.06)) {
      block = { type: 'blockquote', content: [paragraph(`"${random.pick(REACTIONS)}."`)] }
    } else if (random.chance(0.04)) {
      block = {
        type: 'bulletList',
        content: Array.from({ length: random.int(2, 4) }, () => ({
          type: 'listItem',
          content: [paragraph(sentence(random, topic))],
        })),
      }
    } else {
      block = paragraph(paragraphText(random, topic))
      sinceHeading++
    }
    content.push(block)
    written += countWords(plainText(block))
    if (written >= nextFigureAt) {
      content.push(figure(random, topic))
      nextFigureAt += WORDS_PER_FIGURE
    }
  }
  return { type: 'doc', content }
}

/** A whole article, as a desk's library holds them: statuses, sections and bylines vary. */
export function generatedArticle(random: Random, words: number): NewArticleInput {
  const topic = random.pick(TOPICS)
  const place = random.pick(PLACES)
  const keywords = [...new Set([topic, random.pick(TOPICS), random.pick(TOPICS)])]
  const statuses = ARTICLE_STATUSES
  return {
    headline: capitalise(
      `${random.pick(ADJECTIVES)} ${topic} ${random.pick(NOUNS)} ${random.pick(VERBS)} in ${place}`,
    ),
    standfirst: sentence(random, topic),
    byline: Array.from({ length: random.chance(0.2) ? 2 : 1 }, (_, index) => ({
      name: personName(random),
      ...(index > 0 && { role: random.pick(ROLES) }),
    })),
    dateline: place.toUpperCase(),
    section: random.pick(SECTIONS),
    keywords,
    // Most of a library is published; a working desk has some of everything.
    status: random.chance(0.7)
      ? 'published'
      : (statuses[random.int(0, statuses.length - 1)] ?? 'draft'),
    body: storyBody(random, words, topic),
  }
}
