import { z } from 'zod'

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The run's result as electronegativity's programmatic API returns it; only what we read. */
export const ScanResultSchema = z.object({
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      severity: z.object({ name: z.enum(SEVERITIES) }),
      confidence: z.object({ name: z.string() }),
      location: z.object({ line: z.number(), column: z.number() }).partial().optional(),
      description: z.string().optional(),
    }),
  ),
})
export type ScanResult = z.infer<typeof ScanResultSchema>

/**
 * A reviewed finding: which check, in which scanned file (relative to the scanned folder, "N/A"
 * for checks about the whole application), and why it is not a problem here. `check` is
 * "UNPARSED" for a file the scanner cannot read, so no file goes unscanned without a reason.
 */
export const ExceptionSchema = z.object({
  scan: z.string().min(1),
  check: z.string().min(1),
  file: z.string().min(1),
  reason: z.string().min(40, 'say why the finding does not apply, in a sentence or two'),
})
export const ExceptionsFileSchema = z.object({ exceptions: z.array(ExceptionSchema) })
export type Exception = z.infer<typeof ExceptionSchema>

export interface Finding {
  scan: string
  check: string
  file: string
  severity: Severity | 'UNPARSED'
  detail: string
}

export interface Verdict {
  /** Medium or higher (and unreadable files) with no reviewed exception: the run fails. */
  unexplained: Finding[]
  explained: { finding: Finding; reason: string }[]
  /** Below medium: printed for the reviewer, never failing the run. */
  minor: Finding[]
  /** Exceptions that matched nothing: the file must be kept true, so these fail the run too. */
  stale: Exception[]
}

const FAILING: readonly Severity[] = ['MEDIUM', 'HIGH', 'CRITICAL']

/** Everything one scan found, with file names relative to the scanned folder. */
export function findingsOf(scan: string, root: string, result: ScanResult): Finding[] {
  const relative = (file: string) =>
    file.startsWith(root) ? file.slice(root.length).replace(/^[/\\]+/, '') : file
  return [
    ...result.issues.map((issue) => ({
      scan,
      check: issue.id,
      file: relative(issue.file),
      severity: issue.severity.name,
      detail: `${issue.description ?? ''} (line ${issue.location?.line ?? 0}, ${issue.confidence.name})`,
    })),
    ...result.errors
      .filter((error) => !error.tolerable)
      .map((error) => ({
        scan,
        check: 'UNPARSED',
        file: relative(error.file),
        severity: 'UNPARSED' as const,
        detail: error.message,
      })),
  ]
}

/**
 * Built files carry a content hash in their names (`electron-store-BOY-lDnR.js`); an exception
 * names the file without it (`electron-store-*.js`), so a rebuild does not make it stale.
 */
function fileMatches(pattern: string, file: string): boolean {
  const normalized = file.replace(/\\/g, '/')
  if (!pattern.includes('*')) return pattern === normalized
  const [before, after] = pattern.split('*', 2) as [string, string]
  return normalized.startsWith(before) && normalized.endsWith(after)
}

export function judge(findings: Finding[], exceptions: Exception[]): Verdict {
  const used = new Set<Exception>()
  const verdict: Verdict = { unexplained: [], explained: [], minor: [], stale: [] }
  for (const finding of findings) {
    const exception = exceptions.find(
      (candidate) =>
        candidate.scan === finding.scan &&
        candidate.check === finding.check &&
        fileMatches(candidate.file, finding.file),
    )
    if (exception) {
      used.add(exception)
      verdict.explained.push({ finding, reason: exception.reason })
    } else if (finding.severity === 'UNPARSED' || FAILING.includes(finding.severity)) {
      verdict.unexplained.push(finding)
    } else {
      verdict.minor.push(finding)
    }
  }
  verdict.stale = exceptions.filter((exception) => !used.has(exception))
  return verdict
}
