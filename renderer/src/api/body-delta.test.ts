import { describe, expect, it } from 'vitest'
import { bodyReceiver, bodySender } from './body-delta'

const save = (body: string) => ({ id: 'a', baseRevision: 1, fields: { headline: 'Ferry', body } })
const story = (words: number) => JSON.stringify({ type: 'doc', text: 'word '.repeat(words) })

describe('request bodies sent to the worker as what changed', () => {
  it('arrive exactly as the page had them, save after save, other requests untouched', () => {
    const sender = bodySender()
    const receiver = bodyReceiver()
    const first = story(50_000)
    const typed = `${first.slice(0, 1000)}Typed words. ${first.slice(1000)}`
    const requests = [save(first), { id: 'a' }, save(typed), save(typed), save(story(10))]
    for (const request of requests)
      expect(receiver.unpack(sender.pack('article:save', request))).toEqual(request)
  })

  it('post only what changed since the body sent before', () => {
    const sender = bodySender()
    const first = story(50_000)
    expect(JSON.stringify(sender.pack('article:save', save(first))).length).toBeGreaterThan(
      first.length,
    )
    const typed = `${first.slice(0, 1000)}Typed words. ${first.slice(1000)}`
    expect(JSON.stringify(sender.pack('article:save', save(typed))).length).toBeLessThan(200)
  })

  it('send a whole body after a reset, which fits the body the worker still holds', () => {
    const sender = bodySender()
    const receiver = bodyReceiver()
    receiver.unpack(sender.pack('article:save', save(story(100))))
    // A post that failed: the worker never had this one.
    sender.pack('article:save', save(story(200)))
    sender.reset()
    const request = save(story(300))
    expect(receiver.unpack(sender.pack('article:save', request))).toEqual(request)
  })

  it('send the whole body again to a worker started afresh', () => {
    const sender = bodySender()
    sender.pack('article:save', save(story(100)))
    sender.reset()
    const fresh = bodyReceiver()
    const request = save(story(101))
    expect(fresh.unpack(sender.pack('article:save', request))).toEqual(request)
  })

  it("let a story's body go once another story is opened or made, and stay whole", () => {
    const sender = bodySender()
    const receiver = bodyReceiver()
    receiver.unpack(sender.pack('article:save', save(story(1000))))
    // The same story opened again (a reload) keeps its base.
    sender.pack('article:open', { id: 'a' })
    expect(sender.heldLength).toBeGreaterThan(5000)
    sender.pack('article:open', { id: 'b' })
    expect(sender.heldLength).toBe(0)
    const other = { ...save(story(20)), id: 'b' }
    expect(receiver.unpack(sender.pack('article:save', other))).toEqual(other)
    sender.pack('article:create', { byline: [] })
    expect(sender.heldLength).toBe(0)
    // A late save of the story left behind still arrives whole.
    const late = save(story(1001))
    expect(receiver.unpack(sender.pack('article:save', late))).toEqual(late)
  })
})
