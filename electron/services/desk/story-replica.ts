import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { isErrnoException } from '../disk/fs-failure'
import { writeFileDurably } from '../disk/atomic-file'
import { REPLICA_FILE } from './replica-file'

export { REPLICA_FILE }

/** Identifies the file and its layout: this header, then records of a 4-byte length and a Yjs update. */
const HEADER = Buffer.from('CDKYJS1\n', 'ascii')
const LENGTH_BYTES = 4

/** The file could not be read as a story's updates: reported, and left as it is. */
export class ReplicaFileError extends Error {}

interface LoadedUpdates {
  updates: Uint8Array[]
  /** Bytes of a record cut short by a crash mid-write, dropped from the end. */
  tornBytes: number
}

function parseReplicaFile(bytes: Buffer, path: string): LoadedUpdates {
  if (bytes.length < HEADER.length || !bytes.subarray(0, HEADER.length).equals(HEADER))
    throw new ReplicaFileError(`${path} is not a Copydesk desk-updates file; it was left as it is.`)
  const updates: Uint8Array[] = []
  let offset = HEADER.length
  while (offset + LENGTH_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(offset)
    if (offset + LENGTH_BYTES + length > bytes.length) break
    updates.push(bytes.subarray(offset + LENGTH_BYTES, offset + LENGTH_BYTES + length))
    offset += LENGTH_BYTES + length
  }
  return { updates, tornBytes: bytes.length - offset }
}

function record(update: Uint8Array): Buffer {
  const length = Buffer.alloc(LENGTH_BYTES)
  length.writeUInt32LE(update.length)
  return Buffer.concat([length, update])
}

/**
 * This machine's copy of a shared story: the Yjs document and, beside the story's
 * `article.json`, every change made to it here or received from the desk, appended and synced to
 * disk before it counts as kept. A reporter who writes offline, quits and starts again finds
 * every word; when the desk can be reached again, the provider sends what the desk lacks.
 */
export class StoryReplica {
  readonly doc = new Y.Doc()
  private pending: Buffer[] = []
  private writing: Promise<void> = Promise.resolve()
  private failure: unknown
  /** A write failed part-way: the file's end may be damaged, so the next write replaces it. */
  private damaged = false

  private constructor(
    private path: string,
    private readonly relocate: (() => Promise<string | undefined>) | undefined,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.keep(update)
    })
  }

  /**
   * Opens the story's copy in its folder, creating it when there is none. A record cut short by
   * a crash while it was written is dropped (everything before it is kept); a file that is not
   * a desk-updates file, or whose updates Yjs cannot read, is refused and left untouched.
   */
  /**
   * `relocate` finds the story's folder again when it has moved: the library renames a story's
   * folder when its slug changes, which a headline edited by anyone may do.
   */
  static async open(
    folder: string,
    relocate?: () => Promise<string | undefined>,
  ): Promise<{ replica: StoryReplica; tornBytes: number }> {
    const path = join(folder, REPLICA_FILE)
    let loaded: LoadedUpdates = { updates: [], tornBytes: 0 }
    try {
      loaded = parseReplicaFile(await readFile(path), path)
    } catch (error) {
      if (!(isErrnoException(error) && error.code === 'ENOENT')) throw error
    }
    const replica = new StoryReplica(path, relocate)
    const merged = Y.mergeUpdates(loaded.updates)
    try {
      Y.applyUpdate(replica.doc, merged, replica)
    } catch {
      replica.doc.destroy()
      throw new ReplicaFileError(
        `${path} holds changes Yjs cannot read; it was left as it is for someone to look at.`,
      )
    }
    // Rewritten as one record: a torn end goes, and the next start reads one update, not
    // thousands of keystrokes.
    if (loaded.updates.length !== 1 || loaded.tornBytes > 0)
      await writeFileDurably(path, Buffer.concat([HEADER, record(merged)]))
    return { replica, tornBytes: loaded.tornBytes }
  }

  /** Resolves once every change so far is on disk; rejects with the reason if it could not be. */
  async kept(): Promise<void> {
    await this.writing
    if (this.failure) throw this.failure
  }

  async close(): Promise<void> {
    await this.writing
    this.doc.destroy()
  }

  private keep(update: Uint8Array): void {
    this.pending.push(record(update))
    this.writing = this.writing.then(() => this.writeBatch())
  }

  /** One append and one sync for all the changes that came while the last batch was written. */
  private async writeBatch(): Promise<void> {
    if (this.pending.length === 0 && !this.damaged) return
    const batch = Buffer.concat(this.pending)
    this.pending = []
    try {
      await this.write(batch).catch(async (error: unknown) => {
        const moved =
          isErrnoException(error) && error.code === 'ENOENT' && (await this.relocate?.())
        if (!moved) throw error
        this.path = join(moved, REPLICA_FILE)
        await this.write(batch)
      })
      this.failure = undefined
    } catch (error) {
      // Nothing is lost from the document; the whole of it is written at the next change.
      this.failure = error
      this.damaged = true
    }
  }

  private async write(batch: Buffer): Promise<void> {
    if (this.damaged) {
      const whole = record(Y.encodeStateAsUpdate(this.doc))
      await writeFileDurably(this.path, Buffer.concat([HEADER, whole]))
      this.damaged = false
      return
    }
    const file = await open(this.path, 'a')
    try {
      await file.appendFile(batch)
      await file.sync()
    } finally {
      await file.close()
    }
  }
}
