import { SQLite } from '@hocuspocus/extension-sqlite'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pictureFolder } from './desk-picture-shelf'
import type { DeskStorage } from './desk-storage'
import { SqliteDeskRecords } from './sqlite-desk-records'

/** The file in the data folder that holds the desk's documents, people and status changes. */
export const DESK_DATABASE = 'desk.sqlite'

export function deskDatabasePath(dataDir: string): string {
  return join(dataDir, DESK_DATABASE)
}

/**
 * The default storage, which needs nothing installed: one SQLite file in the data folder for the
 * documents and the records, and a folder beside it for pictures.
 */
export function openSqliteDeskStorage(dataDir: string): DeskStorage {
  mkdirSync(dataDir, { recursive: true })
  const file = deskDatabasePath(dataDir)
  const records = SqliteDeskRecords.open(file)
  const documents = new SQLite({ database: file })
  return {
    kind: 'sqlite',
    place: file,
    records,
    documents,
    pictures: pictureFolder(dataDir),
    backUpTo: (target) => records.backUpTo(target),
    close: () => {
      documents.db?.close()
      records.close()
      return Promise.resolve()
    },
  }
}
