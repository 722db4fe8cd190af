import * as Y from 'yjs'
import { MAX_LINE_LENGTH } from '../../../shared/validation/bounded'

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number]

/** Typed characters: an item of plain text, placed by its neighbours or its text. */
const isTypedText = (struct: DecodedStruct): struct is Y.Item =>
  struct instanceof Y.Item && struct.content instanceof Y.ContentString && !struct.parentSub

/** The item in `items` whose clock range holds `id`. */
function itemHolding(items: Y.Item[] | undefined, id: Y.ID): Y.Item | undefined {
  return items?.find((item) => id.clock >= item.id.clock && id.clock < item.id.clock + item.length)
}

/** The document's own item holding `id`, if the document has it. */
function storedItem(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  const structs = doc.store.clients.get(id.client)
  const last = structs?.at(-1)
  if (!structs || !last || id.clock >= last.id.clock + last.length) return undefined
  const struct = structs[Y.findIndexSS(structs, id.clock)]
  return struct instanceof Y.Item ? struct : undefined
}

/**
 * Whether an update only types or deletes characters inside text the story already has. Such a
 * change cannot take a story out of the article schema (text the story has sits where text may),
 * empty it, or move its status, so the desk's rules need not try it on a copy of the whole story,
 * which at 50 writers in one story cost more than the server had. The one bound it could cross,
 * the longest a line of text may be, is checked here. Anything else, and anything this cannot
 * place in the story, is for the full trial.
 */
export function isPlainTyping(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return false
  }
  const typed = new Map<number, Y.Item[]>()
  for (const struct of decoded.structs) {
    if (!isTypedText(struct)) return false
    const items = typed.get(struct.id.client) ?? []
    items.push(struct)
    typed.set(struct.id.client, items)
  }

  const parents = new Map<Y.Item, Y.XmlText | undefined>()
  /** The text an item goes into: found through its neighbours, in the update or the document. */
  const textOf = (item: Y.Item, depth = 0): Y.XmlText | undefined => {
    if (parents.has(item)) return parents.get(item)
    let parent: Y.XmlText | undefined
    const neighbour = item.origin ?? item.rightOrigin
    if (neighbour && depth < decoded.structs.length + 1) {
      const inUpdate = itemHolding(typed.get(neighbour.client), neighbour)
      const stored = inUpdate ? undefined : storedItem(doc, neighbour)
      if (inUpdate) parent = textOf(inUpdate, depth + 1)
      // Text, not an attribute of the text (which a neighbour in its attributes would make it).
      else if (stored?.parent instanceof Y.XmlText && stored.parentSub === null)
        parent = stored.parent
    } else if (item.parent instanceof Y.ID) {
      const holder = storedItem(doc, item.parent)
      const type = holder?.content instanceof Y.ContentType ? holder.content.type : undefined
      if (type instanceof Y.XmlText) parent = type
    }
    parents.set(item, parent)
    return parent
  }

  const added = new Map<Y.XmlText, number>()
  for (const items of typed.values())
    for (const item of items) {
      const text = textOf(item)
      if (!text) return false
      added.set(text, (added.get(text) ?? 0) + item.length)
    }
  for (const [text, characters] of added)
    if (text.length + characters > MAX_LINE_LENGTH) return false

  for (const [client, ranges] of decoded.ds.clients)
    for (const { clock, len } of ranges)
      for (let at = clock; at < clock + len;) {
        const id = Y.createID(client, at)
        const item = itemHolding(typed.get(client), id) ?? storedItem(doc, id)
        if (!item) return false
        const isText = item.content instanceof Y.ContentString || item.deleted
        const inText =
          (item.parent instanceof Y.XmlText && item.parentSub === null) ||
          typed.get(client)?.includes(item)
        if (!isText || !inText) return false
        at = item.id.clock + item.length
      }
  return true
}
