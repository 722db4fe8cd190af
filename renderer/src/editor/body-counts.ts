import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  WORDS_PER_MINUTE,
  acceptedText,
  countText,
  type TextCounts,
  type TiptapNode,
} from '../../../shared/article'

interface BlockCounts {
  words: number
  characters: number
}

/**
 * Each top-level block's counts, kept for as long as the block lives. ProseMirror never changes
 * a node in place, so after a keystroke every other block is the very same object: counting the
 * body again counts the one block that changed, where `countBody(editor.getJSON())` turned the
 * whole story into JSON and counted every word of it (50–100 ms at 350,000 words, each time
 * typing paused).
 */
const countedBlocks = new WeakMap<ProseMirrorNode, BlockCounts | null>()

const isSuggestedForDeletion = (block: ProseMirrorNode) =>
  block.marks.some((mark) => mark.type.name === 'deletion')

/** A block's counts as it will read with its suggestions accepted; null when it will be gone. */
function countBlock(block: ProseMirrorNode): BlockCounts | null {
  let counted = countedBlocks.get(block)
  if (counted === undefined) {
    if (isSuggestedForDeletion(block)) counted = null
    else {
      const { words, characters } = countText(acceptedText(block.toJSON() as TiptapNode))
      counted = { words, characters }
    }
    countedBlocks.set(block, counted)
  }
  return counted
}

/**
 * The same counts as `countBody(doc.toJSON())`: the body's accepted text is its blocks' texts
 * one per line, so words add up block by block, and characters too, plus one line break between
 * each two blocks.
 */
export function countBodyBlocks(doc: ProseMirrorNode): TextCounts {
  let words = 0
  let characters = 0
  let blocks = 0
  doc.forEach((block) => {
    const counted = countBlock(block)
    if (!counted) return
    words += counted.words
    characters += counted.characters
    blocks++
  })
  return {
    words,
    characters: characters + Math.max(0, blocks - 1),
    readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  }
}
