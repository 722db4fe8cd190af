import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import type { TiptapNode } from '../article/tiptap-json'
import { articleBodyExtensions } from './extensions'
import { ASSET_PATH_PATTERN, type FigureAttributes } from './figure'

let schema: Schema | undefined

/** Returns why a body cannot be an article body, or undefined when it can. */
export function validateBody(body: TiptapNode): string | undefined {
  schema ??= getSchema(articleBodyExtensions())
  try {
    schema.nodeFromJSON(body).check()
  } catch (error) {
    return (error as Error).message
  }
  return findBadFigure(body)
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
