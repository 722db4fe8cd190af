import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { appRoot } from '../platform/app-paths'

/**
 * The faces slots may be set in, read from their font files with fontkit (shaping with the
 * font's own kerning and ligatures, as a browser or a page layout sets them). Each comes from an
 * @fontsource package: its Latin files, then Latin Extended for the letters those lack.
 */
const FACES: Record<string, string> = {
  'Source Serif 4': 'source-serif-4',
}

export const SLOT_FONTS = Object.keys(FACES)

const SUBSETS = ['latin', 'latin-ext'] as const

/** The files of a face in a weight, Latin first; undefined for a face Copydesk does not have. */
export function fontFiles(face: string, weight: number): string[] | undefined {
  const name = FACES[face]
  if (!name) return undefined
  const folder = join(appRoot(), 'node_modules', '@fontsource', name, 'files')
  return SUBSETS.map((subset) => join(folder, `${name}-${subset}-${weight}-normal.woff`))
}

/** Widths of text in one face and weight, in em, each word shaped once. */
export class FaceMetrics {
  private readonly fonts: fontkit.Font[]
  private readonly cache = new Map<string, number>()

  constructor(files: readonly string[]) {
    this.fonts = files.map((file) => {
      const opened = fontkit.openSync(file)
      if (!('layout' in opened)) throw new Error(`${file} is a font collection, not a font`)
      return opened
    })
  }

  /** The width of a run without spaces, in em: shaped in the first file that has its letters. */
  width(text: string): number {
    const known = this.cache.get(text)
    if (known !== undefined) return known
    const codePoints = [...text].map((character) => character.codePointAt(0) ?? 0)
    const font =
      this.fonts.find((candidate) =>
        codePoints.every((point) => candidate.hasGlyphForCodePoint(point)),
      ) ?? this.fonts[0]
    let width = 0
    if (font) {
      const run = font.layout(text)
      for (const position of run.positions) width += position.xAdvance
      width /= font.unitsPerEm
    }
    this.cache.set(text, width)
    return width
  }
}
