import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { serveFolder } from './static-server'

/** Builds bench/pages (bare TipTap and a textarea) and serves it; the URL opens the page. */
export async function startBaselinePage(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'copydesk-bench-baselines-'))
  await build({
    root: join(__dirname, '..', 'pages'),
    base: './',
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: 'baselines.html' },
    },
  })
  const served = await serveFolder(outDir)
  return { url: `${served.url}/baselines.html`, close: served.close }
}
