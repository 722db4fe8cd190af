import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { checkText, type CompiledRule, type StyleMatch } from './check'

/**
 * Each text block's matches, per rule set. ProseMirror never changes a node in place, so a block
 * an edit did not touch is the very same object afterwards: checking a long story again after a
 * keystroke runs the rules over the one changed paragraph, not the whole text.
 */
const checkedBlocks = new WeakMap<readonly CompiledRule[], WeakMap<ProseMirrorNode, StyleMatch[]>>()

function matchesInBlock(block: ProseMirrorNode, rules: readonly CompiledRule[]): StyleMatch[] {
  let blocks = checkedBlocks.get(rules)
  if (!blocks) checkedBlocks.set(rules, (blocks = new WeakMap()))
  let matches = blocks.get(block)
  if (!matches) {
    // One placeholder character per inline leaf (a line break) keeps text offsets equal to positions.
    matches = checkText(block.textBetween(0, block.content.size, undefined, '\ufffc'), rules)
    blocks.set(block, matches)
  }
  return matches
}

/** Every house-style match in a document, in order; `from` and `to` are ProseMirror positions. */
export function checkDocument(doc: ProseMirrorNode, rules: readonly CompiledRule[]): StyleMatch[] {
  const found: StyleMatch[] = []
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true
    for (const match of matchesInBlock(node, rules))
      found.push({ ...match, from: position + 1 + match.from, to: position + 1 + match.to })
    return false
  })
  return found
}
