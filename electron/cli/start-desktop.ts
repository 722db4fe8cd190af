import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { appRoot } from '../services/platform/app-paths'

/** How long a failed Electron start takes at most to show itself (missing libraries, no display). */
const STARTUP_GRACE_MS = 4_000

export type DesktopLaunch =
  { started: true; exitCode: Promise<number> } | { started: false; reason: string }

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
}

/**
 * The Electron binary, found the way the `electron` package finds it, but without requiring
 * that package: from Node it starts a download when the binary is missing, which fails offline
 * with a page of stack trace and a long wait.
 */
function electronBinary(): { path: string } | { reason: string } {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(__filename).resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const executable = recorded ?? EXECUTABLE[process.platform] ?? 'electron'
  const path = override
    ? join(override, executable)
    : recorded
      ? join(packageDir, 'dist', recorded)
      : undefined
  return path && existsSync(path) ? { path } : { reason: 'the Electron binary is not installed' }
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
