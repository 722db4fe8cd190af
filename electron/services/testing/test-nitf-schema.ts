import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'
import { appRoot } from '../platform/app-paths'

/** IPTC's own files, beside the repository in CI; a user's clone has none. */
const NITF_DIR = join(appRoot(), '..', 'shared', 'standards', 'nitf')
export const NITF_SCHEMA_PRESENT = existsSync(join(NITF_DIR, 'nitf-3-6.xsd'))
export const NITF_SCHEMA_ABSENT_REASON = `IPTC's NITF schema is not at ${NITF_DIR} (it ships beside the repository in CI, not in a clone)`

const schemaFile = (fileName: string) => ({
  fileName,
  contents: readFileSync(join(NITF_DIR, fileName), 'utf8'),
})

/**
 * Each document's errors against IPTC's NITF 3.6 schema, by libxml2 (as `xmllint --schema`
 * reports them); an empty list for a valid document.
 */
export async function nitfSchemaErrors(documents: string[]): Promise<string[][]> {
  const { errors } = await validateXML({
    xml: documents.map((contents, index) => ({ fileName: `document-${index}.xml`, contents })),
    schema: [schemaFile('nitf-3-6.xsd')],
    preload: [schemaFile('xml.xsd'), schemaFile('nitf-3-6-ruby-include.xsd')],
  })
  return documents.map((_, index) =>
    errors
      .filter((error) => error.loc?.fileName === `document-${index}.xml`)
      .map((error) => `line ${error.loc?.lineNumber}: ${error.message}`),
  )
}
