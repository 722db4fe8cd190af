import { fromBase64, toBase64 } from 'lib0/buffer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { STORY_PARTS } from '../../../shared/desk/story-document'
import { fail, ok, type Result } from '../../../shared/result'
import type { Clock } from './clock'

type Listener = (payload: { id: string; update: string; sync?: unknown; version?: number }) => void
const listeners = new Map<string, Set<Listener>>()
/** Each push main is asked to take, answered when the test says. */
const pushes: { update: string; answer: (result: Result<null>) => void }[] = []

vi.mock('../api/client', () => ({
  client: {
    invoke: (channel: string, request: { update: string }) =>
      channel === 'desk:push'
        ? new Promise((answer) => pushes.push({ update: request.update, answer }))
        : Promise.resolve(ok(null)),
    on: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  },
}))

const { collectDeskNews, joinSharedStory } = await import('./shared-story')
const { takeStoryDoc } = await import('./kept-story-docs')

const STORY = '0b4e2f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'

/** Timers the test runs by hand. */
function manualClock(): Clock & { runAll(): void } {
  const timers = new Map<number, () => void>()
  let next = 0
  return {
    setTimeout: (run) => {
      timers.set(++next, run)
      return next as unknown as ReturnType<typeof setTimeout>
    },
    clearTimeout: (timer) => timers.delete(timer as unknown as number),
    now: () => 0,
    runAll: () => {
      const due = [...timers.values()]
      timers.clear()
      for (const run of due) run()
    },
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function deskCopy(): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'The bridge closes.')
  return doc
}

function join(desk: Y.Doc, clock = manualClock()) {
  const events = { changedByOthers: 0, failures: [] as string[] }
  const story = joinSharedStory(STORY, {
    joined: {
      shared: true,
      update: toBase64(Y.encodeStateAsUpdate(desk)),
      sinceStateVector: false,
      sync: { kind: 'synced' },
      syncVersion: 1,
    },
    news: collectDeskNews(STORY),
    changedByOthers: () => events.changedByOthers++,
    pushFailed: (failure) => events.failures.push(failure.message),
    pushed: () => undefined,
    syncChanged: () => undefined,
    clock,
  })
  return { story, events, clock }
}

afterEach(() => {
  pushes.length = 0
  listeners.clear()
})

describe('a shared story in the page', () => {
  it('hands main each change as it is made, at most four on their way, the rest merged', async () => {
    const desk = deskCopy()
    const { story } = join(desk)
    const text = story.doc.getText('t')
    for (const word of [' On', ' Monday', ' the', ' ferries', ' run', ' late', '.'])
      text.insert(text.length, word)
    await flush()
    // A push does not wait for the one before it to be on disk.
    expect(pushes).toHaveLength(4)
    pushes[2]?.answer(ok(null))
    await flush()
    // The three changes held back go as one.
    expect(pushes).toHaveLength(5)
    for (const push of pushes) push.answer(ok(null))
    expect(await story.handedOver()).toBe(true)
    for (const push of pushes) Y.applyUpdate(desk, fromBase64(push.update))
    expect(desk.getText('t').toString()).toBe('The bridge closes. On Monday the ferries run late.')
  })

  it('offers a change main could not take again, and loses nothing meanwhile', async () => {
    const desk = deskCopy()
    const { story, events, clock } = join(desk)
    const text = story.doc.getText('t')
    text.insert(text.length, ' On Monday.')
    await flush()
    pushes[0]?.answer(fail('io', 'The host is not answering.'))
    await flush()
    expect(events.failures).toEqual(['The host is not answering.'])
    text.insert(text.length, ' Ferries run.')
    clock.runAll()
    await flush()
    const retried = pushes.at(-1)
    retried?.answer(ok(null))
    expect(await story.handedOver()).toBe(true)
    if (retried) Y.applyUpdate(desk, fromBase64(retried.update))
    expect(desk.getText('t').toString()).toBe('The bridge closes. On Monday. Ferries run.')
  })

  it('keeps its copy once main holds all of it, and joins again with only what changed since', async () => {
    const desk = deskCopy()
    const { story } = join(desk)
    story.doc.getText('t').insert(18, ' On Monday.')
    await flush()
    for (const push of pushes) {
      push.answer(ok(null))
      Y.applyUpdate(desk, fromBase64(push.update))
    }
    await story.leave()
    const kept = takeStoryDoc(STORY)
    expect(kept).toBe(story.doc)
    pushes.length = 0

    // Meanwhile someone else wrote on; main answers the kept copy's state vector.
    desk.getText('t').insert(0, 'HULL: ')
    const difference = Y.encodeStateAsUpdate(desk, Y.encodeStateVector(kept as Y.Doc))
    const again = joinSharedStory(STORY, {
      joined: {
        shared: true,
        update: toBase64(difference),
        sinceStateVector: true,
        sync: { kind: 'synced' },
        syncVersion: 1,
      },
      kept,
      news: collectDeskNews(STORY),
      changedByOthers: () => undefined,
      pushFailed: () => undefined,
      pushed: () => undefined,
      syncChanged: () => undefined,
      clock: manualClock(),
    })
    expect(again.doc).toBe(kept)
    expect(again.doc.getText('t').toString()).toBe('HULL: The bridge closes. On Monday.')
    await flush()
    expect(pushes).toHaveLength(0)
  })

  it('keeps no copy holding a change main could not take', async () => {
    const { story } = join(deskCopy())
    story.doc.getText('t').insert(0, 'HULL: ')
    await flush()
    pushes[0]?.answer(fail('io', 'The disk is full.'))
    await story.leave()
    expect(takeStoryDoc(STORY)).toBeUndefined()
  })

  it('applies others’ changes without sending them back', async () => {
    const desk = deskCopy()
    const { story } = join(desk)
    desk.getText('t').insert(0, 'HULL: ')
    const update = toBase64(Y.encodeStateAsUpdate(desk))
    for (const listener of listeners.get('desk:update') ?? []) listener({ id: STORY, update })
    for (const listener of listeners.get('desk:update') ?? [])
      listener({ id: 'another-story', update })
    await flush()
    expect(story.doc.getText('t').toString()).toBe('HULL: The bridge closes.')
    expect(pushes).toHaveLength(0)
  })

  it('tells the form of others’ changes to the details, not of their typing', async () => {
    const desk = deskCopy()
    const { story, events } = join(desk)
    const sendFromDesk = (change: () => void) => {
      const before = Y.encodeStateVector(desk)
      change()
      const update = toBase64(Y.encodeStateAsUpdate(desk, before))
      for (const listener of listeners.get('desk:update') ?? []) listener({ id: STORY, update })
    }
    const seenApplying: boolean[] = []
    story.doc.on('update', () => seenApplying.push(story.isApplyingOthersChange()))

    sendFromDesk(() => desk.getXmlFragment(STORY_PARTS.body).insert(0, [new Y.XmlText('Hull')]))
    expect(events.changedByOthers).toBe(0)
    sendFromDesk(() => desk.getMap(STORY_PARTS.details).set('status', 'subbed'))
    expect(events.changedByOthers).toBe(1)
    sendFromDesk(() => desk.getMap(STORY_PARTS.comments).set('c1', { text: 'Check the name' }))
    expect(events.changedByOthers).toBe(2)

    // The editors hear of each while it is applied, and of this person's own edits as theirs.
    story.doc.getText('t').insert(0, 'HULL: ')
    expect(seenApplying).toEqual([true, true, true, false])
    expect(story.isApplyingOthersChange()).toBe(false)
  })

  it('misses nothing main said while the join was on its way', async () => {
    const desk = deskCopy()
    const news = collectDeskNews(STORY)
    const answered = toBase64(Y.encodeStateAsUpdate(desk))
    // The desk's change and its standing, sent after main answered and before the answer came.
    desk.getText('t').insert(0, 'HULL: ')
    const update = toBase64(Y.encodeStateAsUpdate(desk))
    for (const listener of listeners.get('desk:update') ?? []) listener({ id: STORY, update })
    for (const listener of listeners.get('desk:sync') ?? [])
      listener({ id: STORY, update: '', sync: { kind: 'offline' }, version: 3 })
    const states: unknown[] = []
    const story = joinSharedStory(STORY, {
      joined: {
        shared: true,
        update: answered,
        sinceStateVector: false,
        sync: { kind: 'synced' },
        syncVersion: 2,
      },
      news,
      changedByOthers: () => undefined,
      pushFailed: () => undefined,
      pushed: () => undefined,
      syncChanged: (state) => states.push(state),
      clock: manualClock(),
    })
    expect(story.doc.getText('t').toString()).toBe('HULL: The bridge closes.')
    expect(states).toEqual([{ kind: 'offline' }])
    // News older than what the page holds is not news.
    for (const listener of listeners.get('desk:sync') ?? [])
      listener({ id: STORY, update: '', sync: { kind: 'synced' }, version: 3 })
    expect(states).toEqual([{ kind: 'offline' }])
    expect(pushes).toHaveLength(0)
  })
})
