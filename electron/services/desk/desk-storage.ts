import type { Extension } from '@hocuspocus/server'
import type { DeskPictureShelf } from './desk-picture-shelf'
import type { DeskRecords } from './desk-records'
import { openPostgresDeskStorage } from './postgres-desk-storage'
import { openSqliteDeskStorage } from './sqlite-desk-storage'

/**
 * Where a desk keeps everything: SQLite in a data folder (the default), or the newsroom's
 * PostgreSQL, which desk servers on several machines share.
 */
export type DeskStorageAddress = { dataDir: string } | { postgres: string }

export interface DeskStorage {
  kind: 'sqlite' | 'postgres'
  /** Where it is, for people to read: the SQLite file, or the address without its password. */
  place: string
  records: DeskRecords
  /** Hocuspocus' extension that loads and stores the stories' documents. */
  documents: Extension
  pictures: DeskPictureShelf
  /** A consistent copy of the whole desk in one file, while it runs (SQLite only). */
  backUpTo?: (file: string) => Promise<void>
  close(): Promise<void>
}

export function openDeskStorage(address: DeskStorageAddress): Promise<DeskStorage> {
  return 'postgres' in address
    ? openPostgresDeskStorage(address.postgres)
    : Promise.resolve(openSqliteDeskStorage(address.dataDir))
}
