import { z } from 'zod'

/**
 * The part of IPTC ninjs that Copydesk writes, checked before an export leaves the app. Written
 * from the ninjs 2.2 and 3.1 standards (property names, types, required members, enumerations,
 * uri and date-time formats); unknown properties are errors, as the standard forbids them.
 * Tests cross-check exports against IPTC's own JSON Schemas as well.
 */
const Uri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/, 'must be an absolute URI')
const DateTime = z.iso.datetime({ offset: true })
const PubStatus = z.enum(['usable', 'withheld', 'canceled'])
const NewsType = z.enum(['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component'])

function ninjsSchema(camelCase: boolean) {
  const key = (lower: string, camel: string) => (camelCase ? camel : lower)
  const TextItem = z.strictObject({
    role: z.string().optional(),
    [key('contenttype', 'contentType')]: z.string().optional(),
    value: z.string(),
  })
  const Rendition = z.strictObject({
    name: z.string(),
    href: Uri.optional(),
    title: z.string().optional(),
    [key('contenttype', 'contentType')]: z.string().optional(),
    width: z.number().int().nonnegative().optional(),
    height: z.number().int().nonnegative().optional(),
    [key('sizeinbytes', 'sizeInBytes')]: z.number().int().nonnegative().optional(),
  })
  const common = {
    uri: Uri,
    type: NewsType.optional(),
    profile: z.string().optional(),
    version: z.string().optional(),
    [key('versioncreated', 'versionCreated')]: DateTime.optional(),
    [key('firstcreated', 'firstCreated')]: DateTime.optional(),
    [key('pubstatus', 'pubStatus')]: PubStatus.optional(),
    language: z.string().optional(),
    slugline: z.string().optional(),
    headlines: z.array(TextItem).optional(),
    descriptions: z.array(TextItem).optional(),
    by: z.string().optional(),
    located: z.string().optional(),
    [key('copyrightholder', 'copyrightHolder')]: z.string().optional(),
    [key('copyrightnotice', 'copyrightNotice')]: z.string().optional(),
    [key('infosources', 'infoSources')]: z
      .array(z.strictObject({ name: z.string(), role: z.string().optional(), uri: Uri.optional() }))
      .optional(),
    subjects: z.array(z.strictObject({ name: z.string(), uri: Uri.optional() })).optional(),
    bodies: z
      .array(
        TextItem.extend({
          [key('charcount', 'charCount')]: z.number().int().nonnegative().optional(),
          [key('wordcount', 'wordCount')]: z.number().int().nonnegative().optional(),
        }),
      )
      .optional(),
    renditions: z.array(Rendition).optional(),
  }
  const Association = z.strictObject({ ...common, name: z.string() })
  return z.strictObject({ ...common, associations: z.array(Association).optional() })
}

export const Ninjs22Schema = ninjsSchema(false)
export const Ninjs31Schema = ninjsSchema(true)
