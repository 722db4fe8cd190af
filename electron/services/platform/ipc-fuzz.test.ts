import fc from 'fast-check'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../shared/ipc/channels'
import { dispatch } from '../../../shared/ipc/dispatch'
import type { NodeServices } from './node-services'
import { createTempServices, makeTempDir, snapshotFiles } from '../testing/test-support'

/** Fixed seed and bounded runs: the same cases in every CI run, in a few seconds. */
const SEED = 20261129
const RUNS = 60

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let outside: string

beforeAll(async () => {
  temp = makeTempDir()
  outside = join(temp.path, 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'keep.txt'), 'must not change')
  services = createTempServices(temp.path)
  await services.library.create({ headline: 'Existing' })
})
afterAll(() => temp.remove())

/** Anything JSON can carry, plus the shapes the contract expects with hostile values inside. */
const payload = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      id: fc.oneof(fc.uuid(), fc.string(), fc.constant('../../etc/passwd')),
      articleId: fc.oneof(fc.uuid(), fc.string()),
      versionId: fc.oneof(fc.string(), fc.constant('../article')),
      headline: fc.oneof(fc.string(), fc.integer(), fc.constant('<script>alert(1)</script>')),
      baseRevision: fc.oneof(fc.integer(), fc.double(), fc.string()),
      format: fc.oneof(fc.constantFrom('html', 'md', 'txt'), fc.string()),
      slug: fc.oneof(fc.string(), fc.constant('../../escape')),
      fileName: fc.oneof(fc.string(), fc.constant('../../../etc/passwd')),
      text: fc.string(),
      label: fc.string(),
      fields: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
)

describe('every IPC channel under generated payloads', () => {
  it.each(CHANNEL_NAMES.filter((channel) => channel !== 'window:close'))(
    '%s answers only with typed results, never an internal error',
    async (channel) => {
      const before = snapshotFiles(outside)
      await fc.assert(
        fc.asyncProperty(payload, async (request) => {
          const result = await dispatch(services, channel, request)
          expect(typeof result.ok).toBe('boolean')
          // dispatch turns any throw into an `internal` failure, so a typed result alone would
          // pass by construction: a handler that threw on this payload is the failure to find.
          if (!result.ok)
            expect(result.error).toMatchObject({
              kind: expect.not.stringMatching(/^internal$/),
              message: expect.any(String),
            })
        }),
        { seed: SEED, numRuns: RUNS },
      )
      expect(snapshotFiles(outside)).toEqual(before)
    },
  )

  it('unknown channels are refused the same way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.jsonValue(), async (channel, request) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(channel))
        expect(await dispatch(services, channel, request)).toMatchObject({
          ok: false,
          error: { kind: 'invalid-request' },
        })
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })
})
