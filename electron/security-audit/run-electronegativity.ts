/**
 * The security scan CI runs (`npm run audit:electron`, part of `npm test`): electronegativity
 * over the main-process sources and over the build output, judged against the reviewed
 * exceptions in `electronegativity-exceptions.json`. Fails on any medium-or-higher finding,
 * or unreadable file, that the exceptions file does not explain, and on exceptions that no
 * longer match anything.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import {
  ExceptionsFileSchema,
  findingsOf,
  judge,
  ScanResultSchema,
  type Finding,
} from './electronegativity-verdict'

const ROOT = resolve(__dirname, '../..')
const SCANS = { source: join(ROOT, 'electron'), build: join(ROOT, 'out') }

type Electronegativity = (
  options: { input: string; electronVersionOverride: string; isRelative: boolean },
  forCli: false,
) => Promise<unknown>

const load = createRequire(__filename)
const electronegativity = load('@doyensec/electronegativity') as Electronegativity
const electronVersion = (load('electron/package.json') as { version: string }).version

const describe = (finding: Finding) =>
  `${finding.severity} ${finding.check} in ${finding.scan}:${finding.file}: ${finding.detail}`

void (async () => {
  if (!existsSync(join(SCANS.build, 'main', 'index.js'))) {
    console.error('No build output in out/: run `npm run build` first.')
    process.exit(1)
  }
  const findings: Finding[] = []
  for (const [scan, input] of Object.entries(SCANS)) {
    const result = ScanResultSchema.parse(
      await electronegativity(
        { input, electronVersionOverride: electronVersion, isRelative: true },
        false,
      ),
    )
    findings.push(...findingsOf(scan, input, result))
  }
  const exceptionsFile = join(__dirname, 'electronegativity-exceptions.json')
  const { exceptions } = ExceptionsFileSchema.parse(
    JSON.parse(readFileSync(exceptionsFile, 'utf8')),
  )
  const verdict = judge(findings, exceptions)

  console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings`)
  for (const { finding, reason } of verdict.explained)
    console.log(`  explained  ${describe(finding)}\n             ${reason}`)
  for (const finding of verdict.minor) console.log(`  minor      ${describe(finding)}`)
  for (const finding of verdict.unexplained) console.error(`  FAILING    ${describe(finding)}`)
  for (const exception of verdict.stale)
    console.error(
      `  STALE      exception for ${exception.check} in ${exception.scan}:${exception.file} matched nothing: remove it`,
    )
  if (verdict.unexplained.length > 0 || verdict.stale.length > 0) {
    console.error(
      'Fix the findings above, or explain each in electron/security-audit/electronegativity-exceptions.json after review.',
    )
    process.exit(1)
  }
  console.log('No unexplained medium or higher findings.')
})()
