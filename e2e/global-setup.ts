import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { findBrowser, NO_BROWSER_MESSAGE } from './find-browser'

export default function globalSetup(): void {
  if (!existsSync(join(__dirname, '..', 'out', 'main', 'cli.js'))) {
    throw new Error(
      'The app is not built: run `npm run build` before the e2e tests (npm test does both).',
    )
  }
  if (process.env.COPYDESK_E2E_SHELL !== 'electron' && !findBrowser())
    console.log(NO_BROWSER_MESSAGE)
}
