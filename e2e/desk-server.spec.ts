import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createArticle, fieldsOf } from '../shared/article'
import { readStory, writeStory } from '../shared/desk/story-document'
import { connectTestClient, eventually } from '../electron/services/desk/test-desk-client'
import { addPerson, startDesk } from './desk-process'

// The desk server as a newsroom runs it: `copydesk desk-server` as its own process, people
// added with the CLI while it runs, stopped by a signal as a service manager stops it.

const CLI = join(__dirname, '..', 'out', 'main', 'cli.js')
const STORY = '2c4e6a8b-1d3f-4a5b-9c7d-0e1f2a3b4c5d'

let dataDir: string

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-desk-'))
})
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

test('a desk server stores every story when stopped, after a restart and in a backup', async () => {
  const desk = await startDesk(dataDir)
  // Printed after the address, perhaps a moment later on a busy machine.
  await expect.poll(() => desk.output()).toContain('Nobody can connect yet. Add people with:')
  const token = addPerson(dataDir, 'Ana Lee', 'reporter')

  const reporter = connectTestClient(desk.url, STORY, token)
  await reporter.synced
  const fields = fieldsOf(
    createArticle({ headline: 'Ferry timetable changes from Monday' }, STORY, new Date()),
  )
  writeStory(reporter.doc, fields)
  await eventually(() => reporter.provider.unsyncedChanges === 0, 'the story to reach the desk')

  // Stopped while the reporter is still in the story: it is stored before the process ends.
  desk.child.kill('SIGTERM')
  expect(await desk.exited).toBe(0)
  expect(desk.output()).toContain('Stored 1 open story. Stopped.')
  reporter.destroy()

  const again = await startDesk(dataDir)
  const editor = connectTestClient(again.url, STORY, addPerson(dataDir, 'Sam Roe', 'editor'))
  const backup = join(dataDir, 'backup', 'desk.sqlite')
  try {
    await editor.synced
    expect(readStory(editor.doc).headline).toBe('Ferry timetable changes from Monday')
    // Backed up while the server runs, then served from the backup alone.
    mkdirSync(dirname(backup))
    execFileSync(process.execPath, [
      CLI,
      ...['desk-server', 'backup', '--data', dataDir, '--to', backup],
    ])
  } finally {
    editor.destroy()
    again.child.kill('SIGINT')
    expect(await again.exited).toBe(0)
  }

  const restored = await startDesk(dirname(backup))
  const producer = connectTestClient(restored.url, STORY, token)
  try {
    await producer.synced
    expect(readStory(producer.doc).headline).toBe('Ferry timetable changes from Monday')
  } finally {
    producer.destroy()
    restored.child.kill('SIGTERM')
    await restored.exited
  }
})

test('a removed person’s token no longer connects', async () => {
  const desk = await startDesk(dataDir)
  try {
    const token = addPerson(dataDir, 'Ana Lee', 'reporter')
    execFileSync(process.execPath, [
      CLI,
      'desk-server',
      'remove-person',
      'Ana Lee',
      '--data',
      dataDir,
    ])
    const client = connectTestClient(desk.url, STORY, token)
    await eventually(() => client.refusals.length > 0, 'the refusal')
    client.destroy()
    expect(client.refusals[0]).toContain('does not know your token, or it was removed')
  } finally {
    desk.child.kill('SIGTERM')
    await desk.exited
  }
})
