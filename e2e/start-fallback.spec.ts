import { test, expect } from '@playwright/test'
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const CLI = join(__dirname, '..', 'out', 'main', 'cli.js')

/**
 * Runs `copydesk start` with the electron package pointed at a given folder (its own
 * ELECTRON_OVERRIDE_DIST_PATH), and collects output until the browser host is listening.
 */
async function startWithElectronAt(distPath: string, temp: string) {
  const child = spawn(process.execPath, [CLI, 'start', '--library', join(temp, 'library')], {
    env: {
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: distPath,
      COPYDESK_CONFIG_DIR: join(temp, 'config'),
    },
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stderr: string[] = []
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line))
  try {
    const listening = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('Listening on ')) resolve(line)
      })
      child.once('exit', (code) =>
        reject(new Error(`copydesk start exited with ${code}: ${stderr.join('\n')}`)),
      )
    })
    return { listening, stderr }
  } finally {
    // The host writes its search index into the temp folder as it starts: it must be gone
    // before the folder is removed (CI once found a file written during the removal).
    if (child.exitCode === null && child.signalCode === null) child.kill()
    await exited
  }
}

test.describe('npm start without a working Electron', () => {
  let temp: string
  test.beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'copydesk-start-'))
  })
  test.afterEach(() => rmSync(temp, { recursive: true, force: true }))

  test('says so in one line and starts the browser host when the binary is missing', async () => {
    const { listening, stderr } = await startWithElectronAt(join(temp, 'no-electron-here'), temp)
    expect(listening).toMatch(/^Listening on http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/)
    expect(stderr).toEqual([
      expect.stringMatching(
        /^Copydesk desktop cannot start here: the Electron binary is not installed.*Starting the browser host instead\.$/,
      ),
    ])
  })

  test('falls back too when Electron exits at start', async () => {
    // Skipped on Windows, where a shell script cannot stand in for Electron.
    test.skip(process.platform === 'win32', 'the stand-in Electron is a shell script')
    const dist = join(temp, 'broken-electron')
    const binary = join(
      dist,
      process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron',
    )
    rmSync(dist, { recursive: true, force: true })
    mkdirSync(join(binary, '..'), { recursive: true })
    writeFileSync(
      binary,
      '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    )
    chmodSync(binary, 0o755)
    const { listening, stderr } = await startWithElectronAt(dist, temp)
    expect(listening).toMatch(/^Listening on /)
    expect(stderr.at(-1)).toMatch(
      /^Copydesk desktop cannot start here: Electron exited at start \(error while loading shared libraries: libnss3\.so\)\. Starting the browser host instead\.$/,
    )
  })
})
