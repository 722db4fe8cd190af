import type { Schema } from '@tiptap/pm/model'
import { TiptapNodeSchema, type TiptapNode } from '../article/tiptap-json'
import { articleBodySchema as bodySchema } from './schemas'
import { topLevelBlockTexts } from './block-texts'
import { ASSET_PATH_PATTERN, awaitsPicture, type FigureAttributes } from './figure'

/**
 * Top-level blocks already found valid, by their exact JSON text, most recently seen last. Each
 * save and each crash journal sends the whole story, and checking every block of a
 * 50,000-word story took 15–30 ms of main's time in ProseMirror and as much again in zod (every
 * two seconds while someone types, on the same cores as the editor); between two saves all but
 * a block or two are the same. One belongs to each owner of a save path (the app's services,
 * the catalog's thread), so nothing about it is shared between them or kept by the module.
 */
export class ValidBlockMemory {
  private readonly blocks = new Set<string>()
  /**
   * Whole bodies this memory's owner checked, as objects: a save checks the request's body as it
   * crosses, then writes that same object, which need not be checked again. Bodies are data
   * here, never changed in place once checked (a change makes a new object).
   */
  private readonly checkedBodies = new WeakSet<object>()
  /** The text each top-level block of a body came in, where the body came as text. */
  private readonly sentTexts = new WeakMap<object, readonly string[]>()

  constructor(private readonly kept = 20_000) {}

  /** Whether this block's text was found valid; a hit counts as the latest use. */
  has(text: string): boolean {
    if (!this.blocks.delete(text)) return false
    this.blocks.add(text)
    return true
  }

  /** Keeps the text each of `body`'s top-level blocks came in, when they are known. */
  sentAs(body: unknown, text: string): void {
    if (typeof body !== 'object' || body === null) return
    const { content } = body as { content?: unknown }
    const texts = Array.isArray(content) ? topLevelBlockTexts(text) : undefined
    if (texts && texts.length === (content as unknown[]).length) this.sentTexts.set(body, texts)
  }

  /** The text the body's block at `index` came in, if kept. */
  sentTextOf(body: object, index: number): string | undefined {
    return this.sentTexts.get(body)?.[index]
  }

  /** Whether this very object is a body found valid, and so one to use as it is. */
  vouchesFor(body: unknown): body is TiptapNode {
    return typeof body === 'object' && body !== null && this.checkedBodies.has(body)
  }

  /** Remembers a body found valid whole, for `vouchesFor`. */
  checked(body: TiptapNode): TiptapNode {
    this.checkedBodies.add(body)
    return body
  }

  add(text: string): void {
    this.blocks.add(text)
    const oldest = this.blocks.size > this.kept ? this.blocks.values().next().value : undefined
    if (oldest !== undefined) this.blocks.delete(oldest)
  }
}

/**
 * Returns why a body cannot be an article body, or undefined when it can. The body has passed
 * zod's structure check (`TiptapDocSchema`).
 */
export function validateBody(
  body: TiptapNode,
  memory = new ValidBlockMemory(),
): string | undefined {
  // Anything unusual, or any block found wrong, is checked whole, so the reason given is the same.
  return validByBlocks(body, true, memory) ? undefined : wholeBodyProblem(bodySchema(), body)
}

/** A document with blocks and nothing else (no attributes or marks of its own). */
function isPlainDoc(value: unknown, name: string): value is { content: unknown[] } {
  if (typeof value !== 'object' || value === null) return false
  const { type, content } = value as Record<string, unknown>
  return (
    type === name &&
    Array.isArray(content) &&
    Object.keys(value).every((key) => key === 'type' || key === 'content')
  )
}

/**
 * The body, when it is valid block by block: each top-level block not seen before passes zod's
 * structure check and ProseMirror's and is remembered, the others are known, and the blocks may
 * follow one another. That is what checking the whole document amounts to, for a document
 * without attributes or marks of its own. Undefined when anything is unusual or wrong: the
 * caller then checks the body whole, for the exact reason.
 *
 * The body must come from JSON (parsed text, or zod's output): a block known by its JSON text is
 * returned as it came.
 */
export function validBodyByBlocks(body: unknown, memory: ValidBlockMemory): TiptapNode | undefined {
  return validByBlocks(body, false, memory)
}

function validByBlocks(
  body: unknown,
  structureChecked: boolean,
  memory: ValidBlockMemory,
): TiptapNode | undefined {
  const schema = bodySchema()
  const doc = schema.topNodeType
  if (!isPlainDoc(body, doc.name)) return undefined
  let expected = doc.contentMatch
  const blocks: TiptapNode[] = []
  for (const [index, candidate] of body.content.entries()) {
    let block = candidate as TiptapNode
    const text = memory.sentTextOf(body, index) ?? JSON.stringify(candidate)
    if (!memory.has(text)) {
      if (!structureChecked) {
        const parsed = TiptapNodeSchema.safeParse(candidate)
        if (!parsed.success) return undefined
        block = parsed.data
      }
      const marksAllowed = (block.marks ?? []).every((mark) => {
        const markType = schema.marks[mark.type]
        return markType !== undefined && doc.allowsMarkType(markType)
      })
      if (!marksAllowed || wholeBodyProblem(schema, block) !== undefined) return undefined
      memory.add(JSON.stringify(block))
    }
    const type = schema.nodes[block.type]
    const next = type && expected.matchType(type)
    if (!next) return undefined
    expected = next
    blocks.push(block)
  }
  return expected.validEnd ? { type: doc.name, content: blocks } : undefined
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
    const attributes = (node.attrs ?? {}) as Partial<FigureAttributes>
    const { src } = attributes
    if (awaitsPicture(attributes)) return undefined
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
