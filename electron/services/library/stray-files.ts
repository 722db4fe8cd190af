import type { Dirent } from 'node:fs'
import { lstat, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isDurableWriteTempFile } from '../disk/atomic-file'
import { STAGING_PREFIX } from './library-store'

/**
 * A write in progress touches its temp file all the time, so one untouched for this long was left
 * by a process that was killed: removing it cannot pull a file from under another desk (or
 * another copy of Copydesk) writing to the same library.
 */
export const STRAY_AFTER_MS = 60_000

export interface SweepReport {
  removed: string[]
  /** What the removed temp files held. */
  bytes: number
}

/**
 * Removes what killed processes leave behind: half-written temp files (`*.copydesk-<hex>.tmp`)
 * and new articles that never got as far as their folder (`.incoming-<id>`). Neither was ever
 * acknowledged to anyone, so nothing a person saved goes with them. Unreadable folders are
 * passed over: tidying up must never stop a start.
 */
export async function sweepStrayFiles(
  folders: readonly string[],
  now = Date.now(),
): Promise<SweepReport> {
  const report: SweepReport = { removed: [], bytes: 0 }
  for (const folder of folders) await sweepFolder(folder, now, report)
  return report
}

async function sweepFolder(folder: string, now: number, report: SweepReport): Promise<void> {
  let entries: Dirent[]
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(folder, entry.name)
    const stray =
      (entry.isFile() && isDurableWriteTempFile(entry.name)) ||
      (entry.isDirectory() && entry.name.startsWith(STAGING_PREFIX))
    if (stray) await removeIfStale(path, now, report)
    else if (entry.isDirectory()) await sweepFolder(path, now, report)
  }
}

async function removeIfStale(path: string, now: number, report: SweepReport): Promise<void> {
  try {
    const found = await lstat(path)
    if (now - found.mtimeMs < STRAY_AFTER_MS) return
    await rm(path, { recursive: true, force: true })
    report.removed.push(path)
    if (found.isFile()) report.bytes += found.size
  } catch {
    // Gone already, or not ours to remove: either way there is nothing to tidy.
  }
}
