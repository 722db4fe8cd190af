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

/** Blocks whose text is joined and kept as one piece. */
const RUN_LENGTH = 64

interface EncodedRun extends EncodedBlock {
  blocks: readonly ProseMirrorNode[]
}

/**
 * Runs of consecutive blocks, by their first block, kept while they hold the very same blocks:
 * a long story is then joined from a few dozen pieces rather than thousands, and a keystroke
 * re-joins only the run it fell in.
 */
const encodedRuns = new WeakMap<ProseMirrorNode, EncodedRun>()

function encodeRun(blocks: readonly ProseMirrorNode[]): EncodedBlock {
  const first = blocks[0] as ProseMirrorNode
  const kept = encodedRuns.get(first)
  if (
    kept?.blocks.length === blocks.length &&
    kept.blocks.every((block, index) => block === blocks[index])
  )
    return kept
  const encoded = blocks.map(encodeBlock)
  const run: EncodedRun = {
    blocks,
    json: encoded.map((block) => block.json).join(','),
    suggestionIds: encoded.flatMap((block) => block.suggestionIds),
  }
  encodedRuns.set(first, run)
  return run
}

/** The editor's document as JSON text, exactly `JSON.stringify(doc.toJSON())`. */
export function encodeBody(doc: ProseMirrorNode): EncodedBody {
  const blocks = doc.content.content
  const runs: string[] = []
  const ids = new Set<string>()
  for (let start = 0; start < blocks.length; start += RUN_LENGTH) {
    const run = encodeRun(blocks.slice(start, start + RUN_LENGTH))
    runs.push(run.json)
    for (const id of run.suggestionIds) ids.add(id)
  }
  // The document without its content ({"type":"doc"}), with the blocks' text as its last member.
  const shell = JSON.stringify(doc.copy(Fragment.empty).toJSON())
  if (runs.length === 0) return { json: shell, suggestionIds: ids }
  // One join makes the whole text in one piece: wrapping the joined runs in the document's shell
  // afterwards copied a 50,000-word story once more (when the save is posted to the worker).
  runs[0] = `${shell.slice(0, -1)},"content":[${runs[0]}`
  runs[runs.length - 1] += ']}'
  const json = runs.join(',')
  return { json, suggestionIds: ids }
}

/** A body that is not in an editor, as it was opened. */
export function encodeBodyJson(body: TiptapNode): EncodedBody {
  return { json: JSON.stringify(body), suggestionIds: suggestionIds(body) }
}
