import { primaryRendition, type ExportContext } from './renditions'

/**
 * Where an exported file loads a figure's picture from: the package's own copy (or where the
 * package will be published). Undefined when the export carries no copy, as a single file never
 * does and a package does not for a picture whose file is missing: the file then names no
 * picture rather than a path in the article folder that its reader will not have.
 */
export function exportedImageSource(src: string, context: ExportContext): string | undefined {
  const rendition = primaryRendition(context.renditions?.[src])
  if (!rendition) return undefined
  return context.imageBaseUrl ? new URL(rendition.path, context.imageBaseUrl).href : rendition.path
}
