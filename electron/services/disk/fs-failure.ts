import { fail, type Failure } from '../../../shared/result'

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS'])
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT'])

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
}

/** Turns a Node file-system error into a failure that says what happened and where. */
export function fsFailure(error: unknown, action: string): { ok: false; error: Failure } {
  if (!isErrnoException(error)) throw error
  const where = error.path ? ` (${error.path})` : ''
  const code = error.code ?? ''
  if (PERMISSION_CODES.has(code)) {
    const why = code === 'EROFS' ? 'the folder is on a read-only disk' : 'permission denied'
    return fail('permission-denied', `Cannot ${action}: ${why}${where}.`)
  }
  if (DISK_FULL_CODES.has(code))
    return fail('disk-full', `Cannot ${action}: the disk is full${where}.`)
  if (code === 'ENOENT') return fail('not-found', `Cannot ${action}: not found${where}.`)
  return fail('io', `Cannot ${action}: ${error.message}`)
}
