import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyTextDelta, textDelta } from './text-delta'

describe('a text sent as what changed', () => {
  it('rebuilds any text from any base, exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (base, next) => {
        expect(applyTextDelta(base, textDelta(base, next))).toBe(next)
      }),
      { numRuns: 2000 },
    )
  })

  it('rebuilds an edited text, splitting surrogate pairs or not', () => {
    const edit = fc
      .tuple(
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.nat(),
        fc.nat(),
        fc.string({ unit: 'binary' }),
      )
      .map(([base, at, removed, inserted]) => {
        const from = at % (base.length + 1)
        const to = Math.min(base.length, from + (removed % 8))
        return [base, base.slice(0, from) + inserted + base.slice(to)] as const
      })
    fc.assert(
      fc.property(edit, ([base, next]) => {
        const delta = textDelta(base, next)
        expect(applyTextDelta(base, delta)).toBe(next)
        expect(delta.keep + delta.insert.length + delta.keepEnd).toBe(next.length)
      }),
      { numRuns: 2000 },
    )
  })

  it('carries only the letters typed into a long story', () => {
    const story = JSON.stringify({ body: 'The council approved the harbour plan. '.repeat(20_000) })
    const middle = story.length / 2
    const typed = `${story.slice(0, middle)}xyz${story.slice(middle)}`
    expect(textDelta(story, typed)).toEqual({
      keep: expect.any(Number),
      insert: expect.stringMatching(/^.{0,40}$/s),
      keepEnd: expect.any(Number),
    })
    expect(textDelta(story, story)).toEqual({ keep: story.length, insert: '', keepEnd: 0 })
  })

  it('refuses a delta made for a longer base', () => {
    expect(() => applyTextDelta('short', { keep: 4, insert: '', keepEnd: 4 })).toThrow(/base/)
  })
})
