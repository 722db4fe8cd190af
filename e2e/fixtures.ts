import { test as base, expect, type Page } from '@playwright/test'
import { _electron as electron, chromium, type Browser } from 'playwright-core'
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from './find-browser'
import { SyncedDesk } from './synced-desk'

const ROOT = join(__dirname, '..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface CopydeskApp {
  page: Page
  library: string
  /** Runs the built `copydesk` command against this test's library. */
  cli(...args: string[]): Promise<CliResult>
  /**
   * The same library written by someone else (a sync client, a desk whose lock went stale): what
   * it writes, the app must notice rather than overwrite.
   */
  otherDesk: SyncedDesk
  /**
   * Kills the app with SIGKILL, as a crash or a power cut would, and starts it again on the same
   * library and settings; `page` is then the new window.
   */
  crash(): Promise<void>
  /**
   * Kills the host process with SIGKILL and starts it again on the same library and settings,
   * leaving the page open: as when a host dies under a tab that stays.
   */
  restartHost(): Promise<void>
  /**
   * A second app instance on the same library, as another person with their own settings (the
   * display name given) would run it: its own host process and window.
   */
  secondDesk(
    displayName: string,
    options?: { ownLibrary?: boolean },
  ): Promise<{ page: Page; library: string; quit(): Promise<void> }>
  /** Another tab (or window) of this same app, as the same person. */
  newTab(): Promise<Page>
}

/** SIGTERM, and SIGKILL if the process has not gone within two seconds: no test leaves a server behind. */
function stopProcess(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 2_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Waits for the host's "Listening on URL" line. */
function listeningUrl(server: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: server.stdout })
    lines.on('line', (line) => {
      const match = /^Listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    server.once('exit', (code) => reject(new Error(`copydesk serve exited with ${code}`)))
  })
}

/** The end of what a browser host wrote on stderr, attached to a failed test. */
const HOST_ERRORS_KEPT = 100_000

/** The name the person has given at the start of every test, unless a test says otherwise. */
export const TEST_DISPLAY_NAME = 'Dana Desk'

/**
 * Each test gets a fresh library and settings folder, and the app in the shell this machine
 * has: the browser host in Chromium by default, Electron when COPYDESK_E2E_SHELL=electron.
 * The person has given their name already (`displayName`), so the first-run question does not
 * stand in every test's way; `test.use({ displayName: '' })` starts as on a first run, with no
 * settings saved at all.
 */
export const test = base.extend<
  { app: CopydeskApp; displayName: string },
  { sharedBrowser: Browser | undefined }
>({
  displayName: [TEST_DISPLAY_NAME, { option: true }],
  // One Chromium per worker: each test's pages still get their own browser context (nothing
  // shared between tests), and a run saves a browser start per test (about a second, several on
  // a busy machine).
  sharedBrowser: [
    // Playwright reads a fixture's dependencies from this pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browserPath = process.env.COPYDESK_E2E_SHELL === 'electron' ? null : findBrowser()
      if (!browserPath) return use(undefined)
      const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  app: async ({ displayName, sharedBrowser }, use, testInfo) => {
    const temp = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'))
    const library = join(temp, 'library')
    const config = join(temp, 'config')
    const env = {
      ...process.env,
      COPYDESK_CONFIG_DIR: config,
      COPYDESK_LIBRARY: library,
    }
    if (displayName) {
      mkdirSync(config, { recursive: true })
      writeFileSync(join(config, 'settings.json'), JSON.stringify({ displayName }))
    }
    const cli = (...args: string[]) =>
      new Promise<CliResult>((resolve) => {
        execFile(
          process.execPath,
          [CLI, ...args],
          { env, maxBuffer: 256 * 1024 * 1024 },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        )
      })
    let hostErrors = ''
    const cleanups: (() => Promise<void> | void)[] = [
      () => rmSync(temp, { recursive: true, force: true }),
    ]
    try {
      if (process.env.COPYDESK_E2E_SHELL === 'electron') {
        const launch = async () => {
          const launched = await electron.launch({ args: [ROOT, '--library', library], env })
          cleanups.unshift(() => launched.close().catch(() => undefined))
          return launched
        }
        let running = await launch()
        const app: CopydeskApp = {
          page: await running.firstWindow(),
          library,
          cli,
          otherDesk: new SyncedDesk(library),
          crash: async () => {
            running.process().kill('SIGKILL')
            running = await launch()
            app.page = await running.firstWindow()
          },
          secondDesk: () => {
            throw new Error('a second Electron instance is the single-instance issue: not here yet')
          },
          restartHost: () => {
            throw new Error('the desktop app has no host apart from its window')
          },
          newTab: () => {
            throw new Error('the desktop app opens one window per library')
          },
        }
        await use(app)
        return
      }
      testInfo.skip(!sharedBrowser, NO_BROWSER_MESSAGE)
      const browser = sharedBrowser as Browser
      const newPage = async () => {
        const page = await browser.newPage()
        cleanups.unshift(() => page.close().catch(() => undefined))
        return page
      }
      const startServer = async (environment: NodeJS.ProcessEnv = env) => {
        const server = spawn(
          process.execPath,
          [CLI, 'serve', '--library', environment.COPYDESK_LIBRARY ?? library],
          { env: environment },
        )
        // Read, or a host that writes more than a pipe holds would stop at its next write; kept
        // to be shown if the test fails.
        server.stderr.setEncoding('utf8').on('data', (text: string) => {
          hostErrors = `${hostErrors}${text}`.slice(-HOST_ERRORS_KEPT)
        })
        cleanups.unshift(() => stopProcess(server))
        return { server, url: await listeningUrl(server) }
      }
      let host = await startServer()
      const app: CopydeskApp = {
        page: await newPage(),
        library,
        cli,
        otherDesk: new SyncedDesk(library),
        crash: async () => {
          // The host dies first, then its page: nothing gets a last chance to save.
          host.server.kill('SIGKILL')
          await app.page.close()
          host = await startServer()
          app.page = await newPage()
          await app.page.goto(host.url)
        },
        restartHost: async () => {
          host.server.kill('SIGKILL')
          await new Promise((resolve) => host.server.once('exit', resolve))
          host = await startServer()
        },
        secondDesk: async (displayName, { ownLibrary = false } = {}) => {
          const name = displayName.replace(/\W+/g, '-')
          const config = join(temp, `config-${name}`)
          const secondLibrary = ownLibrary ? join(temp, `library-${name}`) : library
          mkdirSync(config, { recursive: true })
          writeFileSync(join(config, 'settings.json'), JSON.stringify({ displayName }))
          const second = await startServer({
            ...env,
            COPYDESK_CONFIG_DIR: config,
            COPYDESK_LIBRARY: secondLibrary,
          })
          const page = await newPage()
          await page.goto(second.url)
          return {
            page,
            library: secondLibrary,
            quit: async () => {
              await page.close()
              await stopProcess(second.server)
            },
          }
        },
        newTab: async () => {
          const page = await newPage()
          await page.goto(host.url)
          return page
        },
      }
      await app.page.goto(host.url)
      await use(app)
      if (testInfo.status !== testInfo.expectedStatus && hostErrors)
        await testInfo.attach('browser host stderr', {
          body: hostErrors,
          contentType: 'text/plain',
        })
    } finally {
      for (const cleanup of cleanups) await cleanup()
    }
  },
})

export { expect }
