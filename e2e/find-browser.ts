import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** COPYDESK_CHROMIUM, else a Chromium or Chrome on PATH, else a browser Playwright installed itself. */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.COPYDESK_CHROMIUM
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  for (const name of ON_PATH) {
    try {
      const path = execFileSync('which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
      if (path) return path
    } catch {
      // not on PATH; try the next name
    }
  }
  try {
    const bundled = chromium.executablePath()
    return existsSync(bundled) ? bundled : undefined
  } catch {
    return undefined
  }
}

export const NO_BROWSER_MESSAGE =
  'e2e skipped: no Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set COPYDESK_CHROMIUM=/path/to/chrome.'

/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
