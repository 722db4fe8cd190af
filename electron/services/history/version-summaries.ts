import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { VersionSummarySchema, type VersionSummary } from '../../../shared/history/version'
import { writeFileDurably } from '../disk/atomic-file'

/**
 * Beside the version files: what each says, so that the first history list after a start need
 * not read them all (each is a whole copy of the story: 30 versions of a 50,000-word story are
 * 15 MB to read and check, 511 ms of main's time). A cache, never the record: the version files
 * are, so a version the file leaves out (written by an older Copydesk, or by another machine at
 * the same moment) is read from its own file, and one whose file is gone is not listed.
 */
export const SUMMARIES_FILE = 'summaries.json'

const SummariesFileSchema = z.object({
  schemaVersion: z.literal(1),
  summaries: z.array(VersionSummarySchema).max(100_000),
})

/** The summaries kept in a `versions/` folder; none where the file is missing or not one. */
export async function readVersionSummaries(versionsFolder: string): Promise<VersionSummary[]> {
  try {
    const parsed = SummariesFileSchema.safeParse(
      JSON.parse(await readFile(join(versionsFolder, SUMMARIES_FILE), 'utf8')),
    )
    return parsed.success ? parsed.data.summaries : []
  } catch {
    return []
  }
}

export async function writeVersionSummaries(
  versionsFolder: string,
  summaries: VersionSummary[],
): Promise<void> {
  const file: z.infer<typeof SummariesFileSchema> = { schemaVersion: 1, summaries }
  await writeFileDurably(join(versionsFolder, SUMMARIES_FILE), `${JSON.stringify(file)}\n`)
}
