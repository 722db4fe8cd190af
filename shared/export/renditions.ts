/** The widths a package carries besides the original, each as JPEG and WebP. */
export const RENDITION_WIDTHS = [2048, 1024, 512] as const

export const RENDITION_JPEG_QUALITY = 82

export interface Rendition {
  /** e.g. "original", "w1024-jpeg". */
  name: string
  /** Where the file is inside a package, e.g. `images/3f2a…-w1024.jpg`. */
  path: string
  mimeType: string
  width: number
  height: number
  sizeInBytes: number
}

/** The renditions made for each figure, by the figure's asset path (`assets/3f2a….jpg`). */
export type RenditionsBySource = Record<string, Rendition[]>

export interface ExportContext {
  /** Renditions when the export is part of a package; single files point at `assets/`. */
  renditions?: RenditionsBySource
  /**
   * Where the package's images will be published (https://cdn.example.com/story/), for
   * absolute rendition links in ninjs. Without it, each rendition names its package path.
   */
  imageBaseUrl?: string
  /** BCP 47 language of the story. */
  language: string
}

export const DEFAULT_EXPORT_CONTEXT: ExportContext = { language: 'en' }

/** The rendition an HTML page or NITF points its `src` at: the widest JPEG, else the first. */
export function primaryRendition(renditions: Rendition[] | undefined): Rendition | undefined {
  return renditions?.find((rendition) => rendition.name === 'original') ?? renditions?.[0]
}
