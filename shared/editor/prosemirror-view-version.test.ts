import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** prosemirror-view before 1.42.3 let pasted HTML run script (GHSA-c8x8-7fp4-3x9w). */
const FIXED_IN = [1, 42, 3]

describe('prosemirror-view', () => {
  it('is at 1.42.3 or later', () => {
    // The package does not export its package.json: find it beside its entry point (dist/).
    const entry = createRequire(import.meta.url).resolve('prosemirror-view')
    const manifest = join(dirname(entry), '..', 'package.json')
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }
    const installed = version.split('.').map(Number)
    const comparison =
      installed
        .map((part, index) => part - (FIXED_IN[index] ?? 0))
        .find((difference) => difference !== 0) ?? 0
    expect(
      comparison,
      `prosemirror-view ${version} is older than ${FIXED_IN.join('.')}`,
    ).toBeGreaterThanOrEqual(0)
  })
})
