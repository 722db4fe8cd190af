import { primaryRendition, type ExportContext } from './renditions'

/** Where an exported page loads a figure's image from: the package file, or its asset path. */
export function exportedImageSource(src: string, context: ExportContext): string {
  const rendition = primaryRendition(context.renditions?.[src])
  if (!rendition) return src
  return context.imageBaseUrl ? new URL(rendition.path, context.imageBaseUrl).href : rendition.path
}
