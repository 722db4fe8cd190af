import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { appRoot } from '../services/app-paths'

/** How long a failed Electron start takes at most to show itself (missing libraries, no display). */
const STARTUP_GRACE_MS = 4_000

export type DesktopLaunch =
  { started: true; exitCode: Promise<number> } | { started: false; reason: string }

/** The Electron binary as the `electron` package knows it, or why there is none. */
function electronBinary(): { path: string } | { reason: string } {
  try {
    // In plain Node the electron package exports the path of its downloaded binary.
    const path = createRequire(__filename)('electron') as unknown
    if (typeof path !== 'string' || !existsSync(path))
      return { reason: 'the Electron binary is not installed' }
    return { path }
  } catch (error) {
    const firstLine = String((error as Error).message).split('\n')[0]
    return { reason: `the Electron binary is not installed (${firstLine})` }
  }
}

/**
 * Starts the desktop app. Resolves once Electron has either failed to start (so the caller can
 * fall back to the browser host) or stayed up past the grace period.
 */
export function launchDesktop(args: string[]): Promise<DesktopLaunch> {
  const binary = electronBinary()
  if ('reason' in binary) return Promise.resolve({ started: false, reason: binary.reason })
  const child = spawn(binary.path, [appRoot(), ...args], { stdio: ['ignore', 'inherit', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    process.stderr.write(chunk)
  })
  const exitCode = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    child.once('error', () => resolve(1))
  })
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ started: true, exitCode }), STARTUP_GRACE_MS)
    const failed = (reason: string) => {
      clearTimeout(timer)
      resolve({ started: false, reason })
    }
    child.once('error', (error) => failed(`Electron could not be started (${error.message})`))
    child.once('exit', (code) => {
      if (code === 0) return
      const detail = stderr.trim().split('\n').pop() ?? `exit code ${code}`
      failed(`Electron exited at start (${detail})`)
    })
  })
}
