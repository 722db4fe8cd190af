import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteDeskRecords } from './sqlite-desk-records'

let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-desk-records-'))
  file = join(dir, 'desk.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the desk’s records of people', () => {
  it('keeps a hash of each token, never the token', () => {
    const records = SqliteDeskRecords.open(file)
    const { token } = records.addPerson('Ana Lee', 'reporter')
    expect(records.personWithToken(token)?.name).toBe('Ana Lee')
    records.close()
    expect(readFileSync(file).includes(Buffer.from(token))).toBe(false)
  })

  it('refuses a second person of the same name, and removing somebody unknown', () => {
    const records = SqliteDeskRecords.open(file)
    records.addPerson('Ana Lee', 'reporter')
    expect(() => records.addPerson('ana lee', 'editor')).toThrow(/already on this desk/)
    expect(() => records.removePerson('Sam Roe')).toThrow(/Nobody called Sam Roe/)
    records.removePerson('Ana Lee')
    expect(records.people()).toEqual([])
    // Once removed, the name can be given a new token.
    expect(records.addPerson('Ana Lee', 'editor').person.role).toBe('editor')
    records.close()
  })

  it('will not open a file a newer Copydesk wrote', () => {
    const db = new BetterSqlite3(file)
    db.pragma('user_version = 99')
    db.close()
    expect(() => SqliteDeskRecords.open(file)).toThrow(/written by a newer Copydesk/)
  })
})
