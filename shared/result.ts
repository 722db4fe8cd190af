/**
 * Expected failures cross the IPC boundary as data, never as thrown errors, so the renderer
 * and the CLI can tell a conflict from a full disk and say something specific.
 */
export type FailureKind =
  | 'not-found'
  | 'conflict'
  /** Someone else (another desk, or another window here) has the article open for editing. */
  | 'locked'
  | 'damaged'
  | 'permission-denied'
  | 'disk-full'
  | 'invalid-request'
  /** A file the user offered (an image, an import) that is unsupported, damaged or too large. */
  | 'invalid-file'
  | 'io'
  /** A bug: something threw where a typed answer was expected. */
  | 'internal'

export interface Failure {
  kind: FailureKind
  message: string
  /** On a conflict: the revision now on disk, which the save was not based on. */
  currentRevision?: number
  /** On `locked`: who holds the article, and since when. */
  holder?: { name: string; since: string; elsewhere?: 'window' }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (
  kind: FailureKind,
  message: string,
  extra: Partial<Failure> = {},
): { ok: false; error: Failure } => ({
  ok: false,
  error: { kind, message, ...extra },
})
