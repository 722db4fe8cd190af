import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'
import { MAX_RECORDING_BYTES } from './recording-store'

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
beforeEach(() => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
})
afterEach(() => temp.remove())

describe('recordings kept with a story', () => {
  it('are kept in its recordings folder, a second of the same name beside the first', async () => {
    const story = await services.library.create({ headline: 'Bridge' })
    if (!story.ok) throw new Error(story.error.message)
    const attach = (bytes: string) =>
      services.recordings.attach(story.value.id, 'Mayor Interview.M4A', Buffer.from(bytes))
    expect(await attach('first')).toEqual({
      ok: true,
      value: { path: 'recordings/mayor-interview.m4a' },
    })
    expect(await attach('second')).toEqual({
      ok: true,
      value: { path: 'recordings/mayor-interview-2.m4a' },
    })
    const folder = await services.library.folderOf(story.value.id)
    if (!folder.ok) throw new Error(folder.error.message)
    const recordings = join(folder.value, 'recordings')
    expect(readdirSync(recordings).sort()).toEqual(['mayor-interview-2.m4a', 'mayor-interview.m4a'])
    expect(readFileSync(join(recordings, 'mayor-interview.m4a'), 'utf8')).toBe('first')
  })

  it('refuse what is not a recording, or too large, and keep nothing', async () => {
    const story = await services.library.create({ headline: 'Bridge' })
    if (!story.ok) throw new Error(story.error.message)
    const notAudio = await services.recordings.attach(story.value.id, 'notes.exe', Buffer.from('x'))
    expect(notAudio).toMatchObject({ ok: false, error: { kind: 'invalid-file' } })
    const huge = await services.recordings.attach(
      story.value.id,
      'long.mp3',
      new Uint8Array(MAX_RECORDING_BYTES + 1),
    )
    expect(huge).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at most/) } })
    const folder = await services.library.folderOf(story.value.id)
    if (!folder.ok) throw new Error(folder.error.message)
    expect(readdirSync(folder.value)).not.toContain('recordings')
  })
})
