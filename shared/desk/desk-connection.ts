import { z } from 'zod'
import { DESK_PICTURES_PATH } from './desk-pictures'
import { DESK_STORIES_PATH } from './desk-story-list'

const OneDeskAddressSchema = z.url({
  protocol: /^(wss?|https?)$/,
  error: 'a desk address such as ws://127.0.0.1:1234 or wss://desk.example.org',
})

/** The addresses in what a newsroom gave: one, or several parted by commas or spaces. */
export const deskAddresses = (address: string): string[] =>
  address.split(/[\s,]+/).filter((part) => part !== '')

/**
 * Where the desk server is, as a newsroom gives it: `ws://127.0.0.1:1234`, `wss://desk.example.org`
 * behind a TLS proxy, or the same with http(s); several, parted by commas, where the desk runs
 * on several servers (the app moves to the next when one cannot be reached); empty for no desk.
 */
export const DeskAddressSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(2_000)
    .superRefine((value, context) => {
      const parts = deskAddresses(value)
      if (parts.length === 0) context.addIssue({ code: 'custom', message: 'no desk address' })
      for (const part of parts) {
        const checked = OneDeskAddressSchema.safeParse(part)
        if (!checked.success)
          context.addIssue({
            code: 'custom',
            message:
              parts.length === 1
                ? (checked.error.issues[0]?.message ?? 'no desk address')
                : `${part}: ${checked.error.issues[0]?.message ?? 'no desk address'}`,
          })
      }
    }),
])

/**
 * A person's desk token, as `copydesk desk-server add-person` printed it: one word of printable
 * characters (it travels in an HTTP header, so no spaces or line breaks).
 */
export const DeskTokenSchema = z
  .string()
  .trim()
  .min(1, 'paste the token the desk gave you')
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'a desk token is one word with no spaces, as the desk printed it')

/**
 * Where the desk answers `path` over HTTP: a `ws:` address becomes `http:`, `wss:` becomes
 * `https:`, and the path goes under whatever path the address has (a proxy may serve the desk
 * under one).
 */
export function deskHttpUrl(address: string, path: string): string {
  const base = address
    .trim()
    .replace(/^ws(s?):/i, (_, secure: string) => `http${secure.toLowerCase()}:`)
  const withoutQuery = base.replace(/[?#].*$/, '').replace(/\/+$/, '')
  return `${withoutQuery}${path}`
}

/** The desk's story list. */
export const deskStoriesUrl = (address: string): string => deskHttpUrl(address, DESK_STORIES_PATH)

/** One picture the desk keeps, by its name (see desk-pictures). */
export const deskPictureUrl = (address: string, name: string): string =>
  deskHttpUrl(address, `${DESK_PICTURES_PATH}/${name}`)

/**
 * Where the app's provider connects for the desk's stories: an `http:` address becomes `ws:`,
 * `https:` becomes `wss:`, and any path stays (a proxy may serve the desk under one).
 */
export function deskSocketUrl(address: string): string {
  return address
    .trim()
    .replace(/^http(s?):/i, (_, secure: string) => `ws${secure.toLowerCase()}:`)
    .replace(/[?#].*$/, '')
}

/** What the desk answers for a token it does not know, in the same words in the app. */
export const UNKNOWN_DESK_TOKEN =
  'This desk does not know your token, or it was removed. Ask the desk for a new one.'
