/** A text file that cannot be read as text: the message says what to do about it. */
export class TextFormatError extends Error {}

/**
 * The character set a file declares in its first bytes: an XML declaration
 * (`<?xml … encoding="ISO-8859-1"?>`, common in agency NITF) or an HTML meta tag.
 */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  )?.toLowerCase()
}

/**
 * Text in UTF-8 (a byte order mark is allowed), or in the character set the file itself
 * declares. Bytes that are not valid in that character set are refused, naming the line, rather
 * than turned into replacement characters that would garble names in print.
 */
export function decodeText(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes) ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset, { fatal: true })
  } catch {
    throw new TextFormatError(`it declares the character set "${charset}", which is unknown`)
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    // A page saved again as UTF-8 often keeps its old declaration (gb2312, windows-1252).
    const asUtf8 = validUtf8(bytes)
    if (asUtf8 !== undefined) return asUtf8.replace(/^\uFEFF/, '')
    const lenient = new TextDecoder(charset).decode(bytes)
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length
    throw new TextFormatError(
      `line ${line} holds bytes that are not ${decoder.encoding === 'utf-8' ? 'UTF-8' : charset} text; save the file as UTF-8 and import it again`,
    )
  }
}

function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Far longer than any paragraph a person writes, yet room for what a copied page holds on one
 * line (a fan-fiction site's list of 7,000 readers' names runs to 50,000 characters); parsers slow
 * down badly on lines far longer.
 */
export const MAX_LINE_CHARACTERS = 100_000

/** Refuses a text whose lines are too long to be prose: usually a binary or generated file. */
export function checkLineLengths(text: string): void {
  let start = 0
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start)
    const length = (end === -1 ? text.length : end) - start
    if (length > MAX_LINE_CHARACTERS)
      throw new TextFormatError(
        `line ${line} is ${length.toLocaleString('en')} characters long; lines can be at most ${MAX_LINE_CHARACTERS.toLocaleString('en')} characters (about 15,000 words)`,
      )
    if (end === -1) break
    start = end + 1
  }
}
