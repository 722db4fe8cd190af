import { create } from 'xmlbuilder2'
import type { PictureRights } from '../editor/figure'

export interface PictureMetadata extends PictureRights {
  caption: string
  credit: string
  alt: string
}

const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
}

/**
 * An XMP packet with the figure's caption (dc:description), credit line (photoshop:Credit), alt
 * text (IPTC's AltTextAccessibility) and rights: creator (dc:creator), copyright notice
 * (dc:rights) and source (photoshop:Source), where IPTC's photo metadata standard puts them. A
 * credit line is not a copyright notice: dc:rights is only ever the picture's own.
 */
export function pictureXmp({
  caption,
  credit,
  alt,
  creator,
  copyright,
  source,
}: PictureMetadata): string {
  const root = create()
  const description = root
    .ele(NS.x, 'x:xmpmeta')
    .ele(NS.rdf, 'rdf:RDF')
    .ele(NS.rdf, 'rdf:Description', { 'rdf:about': '' })
  description.att('http://www.w3.org/2000/xmlns/', 'xmlns:dc', NS.dc)
  description.att('http://www.w3.org/2000/xmlns/', 'xmlns:photoshop', NS.photoshop)
  description.att('http://www.w3.org/2000/xmlns/', 'xmlns:Iptc4xmpCore', NS.Iptc4xmpCore)
  const languageAlternative = (namespace: string, name: string, value: string) =>
    description
      .ele(namespace, name)
      .ele(NS.rdf, 'rdf:Alt')
      .ele(NS.rdf, 'rdf:li', { 'xml:lang': 'x-default' })
      .txt(value)
  if (caption) languageAlternative(NS.dc, 'dc:description', caption)
  if (creator)
    description.ele(NS.dc, 'dc:creator').ele(NS.rdf, 'rdf:Seq').ele(NS.rdf, 'rdf:li').txt(creator)
  if (copyright) languageAlternative(NS.dc, 'dc:rights', copyright)
  if (credit) description.ele(NS.photoshop, 'photoshop:Credit').txt(credit)
  if (source) description.ele(NS.photoshop, 'photoshop:Source').txt(source)
  if (alt) languageAlternative(NS.Iptc4xmpCore, 'Iptc4xmpCore:AltTextAccessibility', alt)
  return root.end({ headless: true })
}
