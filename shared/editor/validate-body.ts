import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodyExtensions } from './extensions'
import { ASSET_PATH_PATTERN, type FigureAttributes } from './figure'

let schema: Schema | undefined

/**
 * Top-level blocks already found valid, by their exact JSON text, most recently seen last. Each
 * save and each crash journal sends the whole story, and checking every block of a
 * 50,000-word story took 15–30 ms of main's time (every two seconds while someone types, on the
 * same cores as the editor); between two saves all but a block or two are the same.
 */
const validBlocks = new Set<string>()
const VALID_BLOCKS_KEPT = 20_000

/** Returns why a body cannot be an article body, or undefined when it can. */
export function validateBody(body: TiptapNode): string | undefined {
  schema ??= getSchema(articleBodyExtensions())
  // Anything unusual, or any block found wrong, is checked whole, so the reason given is the same.
  return blocksAreValid(schema, body) ? undefined : wholeBodyProblem(schema, body)
}

/**
 * True when the document's blocks may follow one another and each block is valid on its own:
 * what ProseMirror's check of the whole document amounts to, for a document without attributes
 * or marks of its own.
 */
function blocksAreValid(schema: Schema, body: TiptapNode): boolean {
  const doc = schema.topNodeType
  if (body.type !== doc.name || body.attrs || body.marks || body.text !== undefined) return false
  let expected = doc.contentMatch
  for (const block of body.content ?? []) {
    const type = schema.nodes[block.type]
    const next = type && expected.matchType(type)
    if (!next) return false
    expected = next
    const marksAllowed = (block.marks ?? []).every((mark) => {
      const markType = schema.marks[mark.type]
      return markType !== undefined && doc.allowsMarkType(markType)
    })
    if (!marksAllowed) return false
    const text = JSON.stringify(block)
    if (validBlocks.delete(text)) {
      validBlocks.add(text)
      continue
    }
    if (wholeBodyProblem(schema, block) !== undefined) return false
    validBlocks.add(text)
    const oldest =
      validBlocks.size > VALID_BLOCKS_KEPT ? validBlocks.values().next().value : undefined
    if (oldest !== undefined) validBlocks.delete(oldest)
  }
  return expected.validEnd
}

function wholeBodyProblem(schema: Schema, node: TiptapNode): string | undefined {
  try {
    schema.nodeFromJSON(node).check()
  } catch (error) {
    return (error as Error).message
  }
  return findBadFigure(node)
}

function findBadFigure(node: TiptapNode): string | undefined {
  if (node.type === 'figure') {
    const { src } = (node.attrs ?? {}) as Partial<FigureAttributes>
    if (typeof src !== 'string' || !ASSET_PATH_PATTERN.test(src)) {
      return `figure src ${JSON.stringify(src)} is not a file in the article's assets/ folder`
    }
  }
  for (const child of node.content ?? []) {
    const problem = findBadFigure(child)
    if (problem) return problem
  }
  return undefined
}
