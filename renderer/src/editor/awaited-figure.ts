import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { awaitsPicture, type FigureAttributes } from '../../../shared/editor/figure'

/**
 * `inside` (from `posAtCoords`) when it is a figure awaiting its picture: a picture dropped there
 * fills that figure instead of becoming a new one.
 */
export function awaitedFigureAt(doc: ProseMirrorNode, inside: number): number | undefined {
  const node = inside >= 0 ? doc.nodeAt(inside) : null
  return node?.type.name === 'figure' && awaitsPicture(node.attrs as FigureAttributes)
    ? inside
    : undefined
}
