import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { TiptapNode } from '../article/tiptap-json'
import { suggestionIds } from '../suggestions/list-suggestions'

/** A body ready to be sent: its JSON text, and the suggestions in it (whose authorship goes with it). */
export interface EncodedBody {
  json: string
  suggestionIds: ReadonlySet<string>
}

interface EncodedBlock {
  json: string
  suggestionIds: readonly string[]
}

/**
 * Each top-level block's JSON, kept for as long as the block lives. ProseMirror never changes a
 * node in place, so after an edit every untouched block is the same object: a save of a long
 * story serializes the paragraphs that changed and joins the text kept for the rest.
 */
const encodedBlocks = new WeakMap<ProseMirrorNode, EncodedBlock>()

function encodeBlock(block: ProseMirrorNode): EncodedBlock {
  let encoded = encodedBlocks.get(block)
  if (!encoded) {
    const json = block.toJSON() as TiptapNode
    encoded = { json: JSON.stringify(json), suggestionIds: [...suggestionIds(json)] }
    encodedBlocks.set(block, encoded)
  }
  return encoded
}

/** The editor's document as JSON text, exactly `JSON.stringify(doc.toJSON())`. */
export function encodeBody(doc: ProseMirrorNode): EncodedBody {
  const blocks: string[] = []
  const ids = new Set<string>()
  doc.forEach((block) => {
    const encoded = encodeBlock(block)
    blocks.push(encoded.json)
    for (const id of encoded.suggestionIds) ids.add(id)
  })
  // The document without its content ({"type":"doc"}), with the blocks' text as its last member.
  const shell = JSON.stringify(doc.copy(Fragment.empty).toJSON())
  const json = blocks.length ? `${shell.slice(0, -1)},"content":[${blocks.join(',')}]}` : shell
  return { json, suggestionIds: ids }
}

/** A body that is not in an editor, as it was opened. */
export function encodeBodyJson(body: TiptapNode): EncodedBody {
  return { json: JSON.stringify(body), suggestionIds: suggestionIds(body) }
}
