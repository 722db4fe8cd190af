import { describe, expect, it } from 'vitest'
import { findingsOf, judge, type Exception, type ScanResult } from './electronegativity-verdict'

const scan = (issues: ScanResult['issues'], errors: ScanResult['errors'] = []): ScanResult => ({
  issues,
  errors,
})
const issue = (id: string, file: string, severity: 'LOW' | 'MEDIUM' | 'HIGH') => ({
  id,
  file,
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  location: { line: 3, column: 1 },
  description: 'described',
})
const because = (check: string, file: string, scanName = 'build'): Exception => ({
  scan: scanName,
  check,
  file,
  reason: 'Reviewed: this finding does not apply here, for a reason written out in full.',
})

describe('judging an electronegativity run', () => {
  it('fails on medium and higher findings nobody explained, and on unreadable files', () => {
    const findings = findingsOf(
      'build',
      '/repo/out',
      scan(
        [
          issue('CONTEXT_ISOLATION_JS_CHECK', '/repo/out/main/index.js', 'HIGH'),
          issue('CSP_GLOBAL_CHECK', '/repo/out/renderer/index.html', 'LOW'),
        ],
        [
          {
            file: '/repo/out/main/chunks/vendor-1a2b.js',
            message: 'Unknown node',
            tolerable: false,
          },
        ],
      ),
    )
    const verdict = judge(findings, [])
    expect(verdict.unexplained.map((finding) => [finding.check, finding.file])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'main/index.js'],
      ['UNPARSED', 'main/chunks/vendor-1a2b.js'],
    ])
    expect(verdict.minor.map((finding) => finding.check)).toEqual(['CSP_GLOBAL_CHECK'])
  })

  it('passes what the exceptions file explains, whatever hash a rebuilt chunk carries', () => {
    const findings = findingsOf(
      'build',
      '/repo/out',
      scan(
        [issue('PRELOAD_JS_CHECK', '/repo/out/main/index.js', 'MEDIUM')],
        [
          {
            file: '/repo/out/main/chunks/vendor-9z8y.js',
            message: 'Unknown node',
            tolerable: false,
          },
        ],
      ),
    )
    const verdict = judge(findings, [
      because('PRELOAD_JS_CHECK', 'main/index.js'),
      because('UNPARSED', 'main/chunks/vendor-*.js'),
    ])
    expect(verdict.unexplained).toEqual([])
    expect(verdict.explained).toHaveLength(2)
    expect(verdict.stale).toEqual([])
  })

  it('does not let an exception for one scan or file excuse another', () => {
    const findings = findingsOf(
      'source',
      '/repo/electron',
      scan([issue('PRELOAD_JS_CHECK', '/repo/electron/main/other-window.ts', 'MEDIUM')]),
    )
    const verdict = judge(findings, [
      because('PRELOAD_JS_CHECK', 'main/main-window.ts', 'source'),
      because('PRELOAD_JS_CHECK', 'main/other-window.ts', 'build'),
    ])
    expect(verdict.unexplained).toHaveLength(1)
    expect(verdict.stale).toHaveLength(2)
  })
})
