import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json'
import { appRoot } from '../platform/app-paths'

/** IPTC's own files, beside the repository in CI; a user's clone has none. */
export const STANDARDS_DIR = join(appRoot(), '..', 'shared', 'standards', 'ninjs')
export const OFFICIAL_SCHEMAS_PRESENT = existsSync(join(STANDARDS_DIR, 'ninjs-schema_2.2.json'))
export const OFFICIAL_SCHEMAS_ABSENT_REASON = `IPTC's ninjs schemas are not at ${STANDARDS_DIR} (they ship beside the repository in CI, not in a clone)`

const readJson = (name: string): object =>
  JSON.parse(readFileSync(join(STANDARDS_DIR, name), 'utf8')) as object

/** A validator for IPTC's official ninjs schema, set up as the standards folder's README says. */
export function officialNinjsValidator(version: '2.2' | '3.1'): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  ajv.addMetaSchema(draft07)
  ajv.addSchema(readJson('GeoJSON.json'))
  return ajv.compile(readJson(`ninjs-schema_${version}.json`))
}
