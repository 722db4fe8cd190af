import type { z } from 'zod'
import { isOverBound, type OverBound } from './bounded'

type Issue = z.core.$ZodIssue
type Path = readonly PropertyKey[]

const MAX_DESCRIBED = 3

const count = (value: number) => value.toLocaleString('en-US')
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const ordinal = (key: PropertyKey | undefined) => (typeof key === 'number' ? ` ${key + 1}` : '')

/**
 * One line naming the first few problems and where they are, for messages people read.
 *
 * Text over one of the hard bounds (`boundedText`, `boundedList`) is said as a sentence naming the
 * field, since a person may paste that much; any other problem keeps the schema path, as only a
 * program can send it.
 */
export function describeZodError(error: z.ZodError): string {
  return joined(
    error.issues.slice(0, MAX_DESCRIBED).map((issue) => {
      if (issue.code === 'custom' && isOverBound(issue.params))
        return overBoundSentence(issue.path, issue.params)
      return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
    }),
  )
}

/** Sentences follow each other; fragments are separated by semicolons. */
function joined(parts: string[]): string {
  return parts.reduce(
    (line, part) => (line === '' ? part : `${line}${line.endsWith('.') ? ' ' : '; '}${part}`),
    '',
  )
}

function overBoundSentence(path: Path, { overBound }: OverBound): string {
  const { unit, length, maximum } = overBound
  const field = fieldName(path)
  return unit === 'characters'
    ? `${capitalized(field)} is ${count(length)} characters long; Copydesk keeps at most ${count(maximum)}. Shorten it and save again.`
    : `${capitalized(field)} has ${count(length)} entries; Copydesk keeps at most ${count(maximum)}. Remove some and save again.`
}

const FIELD_NAMES: Record<string, string> = {
  schemaVersion: 'the schema version',
  id: 'the id',
  createdAt: 'the date it was created',
  updatedAt: 'the date it was last saved',
  revision: 'the revision number',
  slug: 'the slug',
  headline: 'the headline',
  standfirst: 'the standfirst',
  byline: 'the byline',
  dateline: 'the dateline',
  section: 'the section',
  keywords: 'the list of keywords',
  status: 'the status',
  body: 'the body',
  styleIgnores: 'the list of style matches left as they are',
  comments: 'the list of comments',
  tracked: 'the record of suggested changes to the headline and standfirst',
  suggestions: 'the list of suggestions',
}

/**
 * An article field as a person knows it ("the name in byline 2"), from a path into an article
 * or into a request carrying its `fields`. Never a schema path.
 */
export function fieldName(path: Path): string {
  const [key, index, part, replyIndex, replyPart] = path[0] === 'fields' ? path.slice(1) : path
  switch (key) {
    case 'byline':
      if (index === undefined) break
      if (part === 'name' || part === 'role') return `the ${part} in byline${ordinal(index)}`
      if (part === 'suggestion') return `the suggested change to byline${ordinal(index)}`
      return `byline${ordinal(index)}`
    case 'keywords':
      if (index !== undefined) return `keyword${ordinal(index)}`
      break
    case 'styleIgnores':
      if (index !== undefined) return `style match${ordinal(index)} left as it is`
      break
    case 'comments':
      if (index === undefined) break
      if (part === 'replies' && replyIndex !== undefined) {
        const reply = `reply${ordinal(replyIndex)} to comment${ordinal(index)}`
        return replyPart === 'author' ? `the author of ${reply}` : reply
      }
      if (part === 'author' || part === 'resolvedBy')
        return `the author of comment${ordinal(index)}`
      return `comment${ordinal(index)}`
    case 'tracked':
      if (index === 'headline' || index === 'standfirst')
        return `the suggested changes to the ${index}`
      break
  }
  return (typeof key === 'string' && FIELD_NAMES[key]) || 'a part of the article'
}

/** A value as a person would call it, to say what was found instead of what was expected. */
function kindOf(value: unknown): string {
  if (value === null) return 'empty (null)'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return 'text'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true or false'
    case 'object':
      return 'a group of fields'
    default:
      return 'something else'
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
}

function valueAt(document: unknown, path: Path): unknown {
  let value = document
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Where in the body: its top-level block, when the problem is inside one. */
function bodyPlace(path: Path): string {
  const [, content, block] = path
  return content === 'content' && typeof block === 'number' ? `block ${block + 1}` : 'it'
}

/**
 * What is wrong with an article read from a file, in words: "the headline is missing; the name in
 * byline 1 is empty". `document` is what was checked, to say what was found where it went wrong.
 */
export function describeArticleProblems(error: z.ZodError, document: unknown): string {
  const described = error.issues
    .slice(0, MAX_DESCRIBED)
    .map((issue) => articleProblem(issue, valueAt(document, issue.path)))
  const more = error.issues.length - MAX_DESCRIBED
  if (more > 0) described.push(`and ${more} more ${more === 1 ? 'problem' : 'problems'}`)
  return described.join('; ')
}

function articleProblem(issue: Issue, value: unknown): string {
  const field = fieldName(issue.path)
  if (issue.code === 'custom' && isOverBound(issue.params)) {
    const { unit, length, maximum } = issue.params.overBound
    return unit === 'characters'
      ? `${field} is ${count(length)} characters long, more than the ${count(maximum)} Copydesk keeps`
      : `${field} has ${count(length)} entries, more than the ${count(maximum)} Copydesk keeps`
  }
  if (issue.path[0] === 'body' && issue.path.length > 1) {
    // The body's own checks (known blocks, figures in assets/) already say what is wrong.
    return issue.code === 'custom'
      ? `the body cannot be read: ${issue.message}`
      : `the body cannot be read: ${bodyPlace(issue.path)} is not in the form Copydesk writes`
  }
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `${field} is missing`
        : `${field} is ${kindOf(value)}, not ${EXPECTED[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'string') return `${field} is empty`
      if (issue.origin === 'array') return `${field} has no entries`
      return `${field} is ${String(value)}; it is at least ${String(issue.minimum)}`
    case 'too_big': {
      const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined
      const unit = issue.origin === 'string' ? 'characters' : 'entries'
      return length === undefined
        ? `${field} is too big`
        : `${field} has ${count(length)} ${unit}, more than the ${count(Number(issue.maximum))} Copydesk keeps`
    }
    case 'invalid_value':
      return `${field} is ${JSON.stringify(value)}, not one of ${issue.values.map(String).join(', ')}`
    case 'invalid_format':
      if (issue.format === 'uuid') return `${field} is not a valid id`
      if (issue.format === 'datetime') return `${field} is not a date and time`
      return `${field} is not valid: ${issue.message}`
    case 'custom':
      return `${field} is not valid: ${issue.message}`
    default:
      return `${field} is not valid`
  }
}
