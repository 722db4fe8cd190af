// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import type { DecorationSet } from '@tiptap/pm/view'
import { suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes'
import { afterEach, describe, expect, it } from 'vitest'
import type { TiptapNode } from '../article/tiptap-json'
import { listSuggestions } from '../suggestions/list-suggestions'
import { articleBodyExtensions } from './extensions'
import { notASuggestion, SuggestChanges } from './suggest-changes'
import { validateBody } from './validate-body'
import { createTestBodyEditor } from './test-body-editor'
import { applyEdit } from './test-edits'

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value')
  return value
}

let editor: Editor | undefined
afterEach(() => editor?.destroy())

let nextId = 0
const makeEditor = (content: string) => (editor = createTestBodyEditor(content))

const suggesting = (content: string) => {
  const current = makeEditor(content)
  current.commands.setSuggestMode(true)
  return current
}

/** Where `text` starts in the document, as a ProseMirror position. */
const positionOf = (current: Editor, text: string) => {
  let found: number | undefined
  current.state.doc.descendants((node, position) => {
    if (found === undefined && node.isText && node.text?.includes(text)) {
      found = position + (node.text.indexOf(text) ?? 0)
    }
  })
  if (found === undefined) throw new Error(`${text} not in the document`)
  return found
}

const plainText = (current: Editor) =>
  current.state.doc.textBetween(0, current.state.doc.content.size, '\n').replace(/\u200B/g, '')

const suggestions = (current: Editor) => listSuggestions(current.getJSON() as TiptapNode, 'Body')

const STORY = '<p>The council met on Tuesday.</p><p>It voted to close the bridge.</p>'

describe('suggest edits', () => {
  it('records typed text as an insertion, leaving the original in place', () => {
    const current = suggesting(STORY)
    current.commands.insertContentAt(positionOf(current, 'Tuesday'), 'late on ')
    expect(plainText(current)).toBe(
      'The council met on late on Tuesday.\nIt voted to close the bridge.',
    )
    expect(suggestions(current)).toEqual([
      { id: expect.any(String), field: 'Body', inserted: 'late on ', deleted: '' },
    ])
  })

  it('records deleted text as a deletion that stays visible until accepted', () => {
    const current = suggesting(STORY)
    const from = positionOf(current, ' on Tuesday')
    current
      .chain()
      .setTextSelection({ from, to: from + ' on Tuesday'.length })
      .deleteSelection()
      .run()
    expect(plainText(current)).toContain('met on Tuesday.')
    const [deletion] = suggestions(current)
    expect(deletion).toMatchObject({ inserted: '', deleted: ' on Tuesday' })
    current.commands.acceptSuggestion(must(deletion).id)
    expect(plainText(current)).toBe('The council met.\nIt voted to close the bridge.')
  })

  it('typing over a selection is one suggestion with both its deleted and inserted text', () => {
    const current = suggesting(STORY)
    const from = positionOf(current, 'Tuesday')
    current
      .chain()
      .setTextSelection({ from, to: from + 7 })
      .insertContent('Wednesday')
      .run()
    expect(suggestions(current)).toEqual([
      expect.objectContaining({ inserted: 'Wednesday', deleted: 'Tuesday' }),
    ])
  })

  it('rejecting a paragraph split, a join and a paste gives back the exact original document', () => {
    const current = suggesting(STORY)
    const original = makeEditorJson(STORY)
    current.chain().setTextSelection(positionOf(current, 'on Tuesday')).splitBlock().run()
    current.chain().setTextSelection(positionOf(current, 'It voted')).joinBackward().run()
    current
      .chain()
      .setTextSelection(positionOf(current, 'bridge'))
      .insertContent('<p>old</p><p>stone</p>')
      .run()
    expect(suggestions(current).length).toBeGreaterThanOrEqual(3)
    current.commands.rejectAllSuggestions()
    expect(current.getJSON()).toEqual(original)
  })

  it('a paste while suggesting is one insertion that keeps its links and links its URLs', () => {
    const current = suggesting(STORY)
    current.commands.setTextSelection(positionOf(current, 'It voted'))
    current.view.pasteHTML(
      '<p>See <a href="https://example.org/minutes">the minutes</a> and https://example.org/vote now.</p>',
    )
    const links: string[] = []
    current.state.doc.descendants((node) => {
      const link = node.marks.find((mark) => mark.type.name === 'link')
      if (link) links.push(`${node.text ?? ''} → ${String(link.attrs.href)}`)
    })
    expect(links).toEqual([
      'the minutes → https://example.org/minutes',
      'https://example.org/vote → https://example.org/vote',
    ])
    const pasted = suggestions(current)
    expect(pasted).toHaveLength(1)
    expect(pasted[0]?.inserted).toContain('See the minutes and https://example.org/vote now.')
  })

  it('accepting a split gives two paragraphs; accepting a join gives one', () => {
    const split = suggesting(STORY)
    split.chain().setTextSelection(positionOf(split, 'on Tuesday')).splitBlock().run()
    split.commands.acceptAllSuggestions()
    expect(paragraphTexts(split)).toEqual([
      'The council met ',
      'on Tuesday.',
      'It voted to close the bridge.',
    ])

    const joined = suggesting(STORY)
    joined.chain().setTextSelection(positionOf(joined, 'It voted')).joinBackward().run()
    joined.commands.acceptAllSuggestions()
    expect(paragraphTexts(joined)).toEqual([
      'The council met on Tuesday.It voted to close the bridge.',
    ])
  })

  it('tracks edits inside lists and quotes, and the body stays valid for saving', () => {
    const current = suggesting(
      '<ul><li><p>First point</p></li></ul><blockquote><p>Quoted words</p></blockquote>',
    )
    current.commands.insertContentAt(positionOf(current, 'point'), 'big ')
    current
      .chain()
      .setTextSelection(positionOf(current, 'point') + 5)
      .splitListItem('listItem')
      .run()
    current.commands.insertContentAt(positionOf(current, 'words'), 'wise ')
    expect(validateBody(current.getJSON() as TiptapNode)).toBeUndefined()
    const inserted = suggestions(current).map((suggestion) => suggestion.inserted)
    expect(inserted).toContain('big ')
    expect(inserted).toContain('wise ')
    current.commands.rejectAllSuggestions()
    expect(current.getJSON().content?.[0]?.content).toHaveLength(1)
    // The empty last paragraph is TipTap's trailing node, added after a quote ends the story.
    expect(plainText(current)).toBe('First point\nQuoted words\n')
  })

  it('accepts three and rejects two, each leaving the others alone', () => {
    const current = suggesting(STORY)
    for (const [anchor, text] of [
      ['council', 'city '],
      ['Tuesday', 'late '],
      ['voted', 'narrowly '],
      ['close', 'finally '],
      ['bridge', 'old '],
    ] as const) {
      current.commands.insertContentAt(positionOf(current, anchor), text)
    }
    const byText = new Map(suggestions(current).map((s) => [s.inserted, s.id]))
    expect(byText.size).toBe(5)
    for (const text of ['city ', 'narrowly ', 'old '])
      current.commands.acceptSuggestion(must(byText.get(text)))
    for (const text of ['late ', 'finally '])
      current.commands.rejectSuggestion(must(byText.get(text)))
    expect(suggestions(current)).toEqual([])
    expect(plainText(current)).toBe(
      'The city council met on Tuesday.\nIt narrowly voted to close the old bridge.',
    )
  })

  it('keeps a figure credit edit as one suggestion with the original value, untouched by other accepts', () => {
    const current = suggesting(
      '<p>Text</p><figure><img src="assets/a.jpg" alt=""><figcaption><span class="caption">Cap</span><span class="credit">Jo</span></figcaption></figure>',
    )
    current.commands.insertContentAt(positionOf(current, 'Text'), 'More ')
    const figureAt = positionOf(current, 'Cap') - 1
    for (const value of ['Jo S', 'Jo Sm', 'Jo Smith'])
      current.commands.suggestNodeAttribute(figureAt, 'credit', value)
    const list = suggestions(current)
    const credit = list.find((s) => s.field === 'Credit')
    expect(credit?.change).toEqual({ what: 'Credit', from: 'Jo', to: 'Jo Smith' })
    const typed = list.find((s) => s.inserted === 'More ')
    current.commands.acceptSuggestion(must(typed).id)
    expect(suggestions(current).find((s) => s.field === 'Credit')?.change?.to).toBe('Jo Smith')
    current.commands.rejectSuggestion(must(credit).id)
    expect(current.state.doc.nodeAt(figureAt)?.attrs.credit).toBe('Jo')
    expect(suggestions(current)).toEqual([])
  })

  it("text typed against another person's suggestion is the typist's own suggestion", () => {
    let author = 'ana'
    editor = new Editor({
      extensions: [
        ...articleBodyExtensions(),
        SuggestChanges.configure({
          newSuggestionId: () => `${author}-${++nextId}`,
          isOwn: (id) => id.startsWith(`${author}-`),
        }),
      ],
      content: STORY,
    })
    const current = editor
    current.commands.setSuggestMode(true)
    current.commands.insertContentAt(positionOf(current, 'Tuesday'), 'late ')
    author = 'ben'
    current.commands.insertContentAt(positionOf(current, 'Tuesday'), 'very ')
    // Ben deletes a word next to Ana's insertion too.
    const from = positionOf(current, 'Tuesday')
    current
      .chain()
      .setTextSelection({ from, to: from + 'Tuesday'.length })
      .deleteSelection()
      .run()
    const attributed = suggestions(current).map(({ id, inserted, deleted }) => ({
      author: id.split('-')[0],
      inserted,
      deleted,
    }))
    expect(attributed).toEqual([
      { author: 'ana', inserted: 'late ', deleted: '' },
      { author: 'ben', inserted: 'very ', deleted: 'Tuesday' },
    ])
  })

  it('anchoring a comment in Suggest edits changes no words and suggests nothing', () => {
    const current = suggesting(STORY)
    const from = positionOf(current, 'Tuesday')
    current
      .chain()
      .setTextSelection({ from, to: from + 7 })
      .setMark('comment', { threadId: 't1' })
      .command(({ tr }) => Boolean(notASuggestion(tr)))
      .run()
    expect(suggestions(current)).toEqual([])
    expect(JSON.stringify(current.getJSON())).toContain('"threadId":"t1"')
  })

  it('a deletion across a split paragraph and the next is recorded, not thrown away', () => {
    // Found by the Word round-trip property test: the step that joins the blocks moved the range
    // the author's claim looked at past the end of the document, and the edit threw.
    const current = createTestBodyEditor(
      '<p>The council met on Tuesday.</p><p>It voted <strong>seven to two</strong> to close the <em>old</em> bridge.</p><p>Ferries run hourly.</p>',
    )
    current.commands.setSuggestMode(true)
    for (const edit of [
      { kind: 'type', at: 0, text: 'aaaaaa' },
      { kind: 'type', at: 474330567, text: 'aaa' },
      { kind: 'enter', at: 0 },
      { kind: 'delete', at: 1554668178, length: 11 },
    ] as const)
      applyEdit(current, edit)
    expect(current.getText()).toContain('Ferries run hourly.')
    expect(suggestions(current).length).toBeGreaterThan(0)
    current.destroy()
  })

  it('with the mode off, edits apply directly and record nothing', () => {
    const current = makeEditor(STORY)
    current.commands.insertContentAt(positionOf(current, 'Tuesday'), 'late ')
    expect(suggestions(current)).toEqual([])
  })
})

function makeEditorJson(html: string) {
  const scratch = new Editor({ extensions: articleBodyExtensions(), content: html })
  const json = scratch.getJSON()
  scratch.destroy()
  return json
}

function paragraphTexts(current: Editor) {
  const texts: string[] = []
  current.state.doc.forEach((node) => texts.push(node.textContent.replace(/\u200B/g, '')))
  return texts
}

describe('suggestion decorations', () => {
  /** What the editor shows, as comparable data: kind, range and class of every decoration. */
  const shown = (state: Editor['state']) =>
    (
      must(suggestChangesKey.get(state)).props.decorations?.call(undefined as never, state) as
        DecorationSet | undefined
    )
      ?.find()
      .map((decoration) => ({
        from: decoration.from,
        to: decoration.to,
        key: (decoration.spec as { key?: string }).key,
        class: (decoration as unknown as { type: { attrs?: { class?: string } } }).type.attrs
          ?.class,
      }))
      .sort((a, b) => a.from - b.from || a.to - b.to) ?? []

  it('updated block by block, they match a full recomputation after many edits', () => {
    const blocks = Array.from(
      { length: 30 },
      (_, index) => `<p>Paragraph ${index} of the story.</p>`,
    )
    const current = suggesting(blocks.join(''))
    const edits = [
      () => current.commands.insertContentAt(positionOf(current, 'Paragraph 3 '), 'New words '),
      () =>
        current.commands.insertContentAt(positionOf(current, 'of the story.') + 3, 'the whole '),
      () =>
        current
          .chain()
          .setTextSelection(positionOf(current, 'Paragraph 12') + 5)
          .splitBlock()
          .run(),
      () => {
        const from = positionOf(current, 'Paragraph 20')
        current
          .chain()
          .setTextSelection({ from, to: from + 9 })
          .deleteSelection()
          .run()
      },
      () =>
        current.commands.insertContentAt(
          positionOf(current, 'Paragraph 25'),
          '<p>Pasted one.</p><p>Pasted two.</p>',
        ),
      () => current.commands.acceptSuggestion(must(suggestions(current)[0]).id),
      () => current.commands.rejectSuggestion(must(suggestions(current).at(-1)).id),
    ]
    for (const edit of edits) {
      edit()
      // A new editor computes every decoration from scratch when it starts.
      const recomputed = new Editor({
        extensions: [...articleBodyExtensions(), SuggestChanges.configure({})],
        content: current.getJSON(),
      })
      expect(shown(current.state)).toEqual(shown(recomputed.state))
      recomputed.destroy()
    }
    expect(shown(current.state).length).toBeGreaterThan(3)
  })
})
