import { MarkdownImportError, parseMarkdown } from '../../../shared/import/markdown'
import { NinjsImportError, parseNinjs } from '../../../shared/import/ninjs'
import { NitfImportError, parseNitf } from '../../../shared/import/nitf'
import type { ParsedStory } from '../../../shared/import/parsed-story'
import { parsePlainText } from '../../../shared/import/plain-text'
import { ArchiveError } from './archive-limits'
import { checkLineLengths, decodeText, TextFormatError } from './decode-text'
import { DocxImportError, parseDocx } from './docx'
import { parseWebPage, WebPageImportError } from './web-page'
import type { ParseableFormat } from '../../../shared/import/import-formats'

/** Errors that describe what is wrong with the file; anything else is a fault of the reader. */
const FILE_ERRORS = [
  MarkdownImportError,
  NinjsImportError,
  NitfImportError,
  DocxImportError,
  WebPageImportError,
  TextFormatError,
  ArchiveError,
]

/** Why a file cannot be read, in words for the person who chose it. */
export function fileProblem(error: unknown): string {
  if (FILE_ERRORS.some((type) => error instanceof type)) return (error as Error).message
  // The parsers recurse over the file's nesting: a hostile file nests deeper than the stack.
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'it is nested too deeply to read (no story has so many levels)'
  return `it could not be read (${error instanceof Error ? error.message : String(error)})`
}

/** A file's bytes as a story. Runs in the import worker: every parser here reads untrusted bytes. */
export async function parseFile(format: ParseableFormat, bytes: Uint8Array): Promise<ParsedStory> {
  switch (format) {
    case 'docx':
      return parseDocx(Buffer.from(bytes))
    case 'html':
      return parseWebPage(decodeText(bytes))
    case 'md': {
      const text = decodeText(bytes)
      checkLineLengths(text)
      return parseMarkdown(text)
    }
    case 'txt': {
      const text = decodeText(bytes)
      checkLineLengths(text)
      return parsePlainText(text)
    }
    case 'ninjs':
      return parseNinjs(decodeText(bytes))
    case 'nitf':
      return parseNitf(decodeText(bytes))
  }
}
