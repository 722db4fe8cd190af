import { readFileSync } from 'node:fs'
import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { articleBodyExtensions } from '../editor/extensions'
import { checkText, compileRules } from './check'
import { checkDocument } from './check-document'
import { RulePackSchema } from './rules'

const pack = RulePackSchema.parse(
  JSON.parse(readFileSync(new URL('../../resources/style/copydesk.json', import.meta.url), 'utf8')),
)
const rules = compileRules(pack.rules)
const schema = getSchema(articleBodyExtensions())
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const story = (...texts: string[]) =>
  schema.nodeFromJSON({ type: 'doc', content: texts.map(paragraph) })

/** What a full check finds: every text block's text run through the rules. */
function checkEveryBlock(doc: ProseMirrorNode) {
  const found: { ruleId: string; from: number; to: number; text: string }[] = []
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true
    for (const match of checkText(
      node.textBetween(0, node.content.size, undefined, '\ufffc'),
      rules,
    ))
      found.push({
        ruleId: match.ruleId,
        from: position + 1 + match.from,
        to: position + 1 + match.to,
        text: match.text,
      })
    return false
  })
  return found
}
const placed = (doc: ProseMirrorNode) =>
  checkDocument(doc, rules).map(({ ruleId, from, to, text }) => ({ ruleId, from, to, text }))

describe('checking a document', () => {
  it('places each match at its ProseMirror position', () => {
    const doc = story('A quiet day.', 'The mayor said it was 10 per cent toward the target.')
    const matches = placed(doc)
    expect(matches.length).toBeGreaterThan(0)
    for (const match of matches) expect(doc.textBetween(match.from, match.to)).toBe(match.text)
    expect(matches).toEqual(checkEveryBlock(doc))
  })

  it('after an edit, re-checks only the block that changed, and finds what a full check finds', () => {
    const doc = story('Toward the harbour.', 'Nothing here.', 'It rose 5 per cent.')
    const before = placed(doc)
    // Typing in the middle paragraph: ProseMirror keeps the other blocks as the same objects.
    const edited = doc.replace(
      16 + 'Toward the harbour.'.length,
      16 + 'Toward the harbour.'.length,
      schema.nodeFromJSON({ type: 'doc', content: [paragraph('x')] }).slice(1, 2),
    )
    expect(edited.child(0)).toBe(doc.child(0))
    expect(placed(edited)).toEqual(checkEveryBlock(edited))
    expect(placed(doc)).toEqual(before)
  })

  it('checks again from scratch when the rules change', () => {
    const doc = story('Toward the harbour.')
    const onlyOne = compileRules(pack.rules.slice(0, 1))
    expect(checkDocument(doc, onlyOne).every((match) => match.ruleId === pack.rules[0]?.id)).toBe(
      true,
    )
    expect(placed(doc)).toEqual(checkEveryBlock(doc))
  })
})
