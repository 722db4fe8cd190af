import { formatMegabytes, MAX_IMAGE_BYTES } from '../../../shared/assets/image-policy'
import { deskPictureUrl } from '../../../shared/desk/desk-connection'
import { fail, ok, type Result } from '../../../shared/result'
import { prepareImage } from '../library/prepare-image'
import { askDesk, boundedBody, notADesk, type DeskConnection } from './desk-client'

/** A 50 MB picture over a slow line takes far longer than a question to the desk. */
export const DESK_PICTURE_TIMEOUT_MS = 120_000

const pictureUrl = (name: string) => (address: string) => deskPictureUrl(address, name)

/** The desk's words for why it did not take or give a picture, as it sent them. */
async function refusal(response: Response, name: string): Promise<string> {
  const text = (await boundedBody(response, 4_096).catch(() => undefined))?.toString('utf8')
  return text?.trim() || `The desk answered ${response.status} for the picture ${name}.`
}

/** Whether the desk keeps the picture already. */
async function deskHas(connection: DeskConnection, name: string): Promise<Result<boolean>> {
  const asked = await askDesk(connection, pictureUrl(name), { method: 'HEAD' })
  if (!asked.ok) return asked
  const { status } = asked.value
  if (status === 200) return ok(true)
  if (status === 404) return ok(false)
  return notADesk(connection.address)
}

/** Gives the desk a picture of a shared story, unless it keeps it already. */
export async function sendPicture(
  connection: DeskConnection,
  name: string,
  bytes: Uint8Array,
): Promise<Result<null>> {
  const has = await deskHas(connection, name)
  if (!has.ok) return has
  if (has.value) return ok(null)
  const asked = await askDesk(connection, pictureUrl(name), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: new Blob([Uint8Array.from(bytes)]),
    timeoutMs: DESK_PICTURE_TIMEOUT_MS,
  })
  if (!asked.ok) return asked
  const response = asked.value
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined)
    return ok(null)
  }
  return fail('io', await refusal(response, name))
}

/**
 * A picture of a shared story, from the desk. Its bytes are checked as the library checks any
 * picture, and against its name: whatever the desk says, only the picture the story names is
 * taken.
 */
export async function fetchPicture(
  connection: DeskConnection,
  name: string,
): Promise<Result<Uint8Array>> {
  const asked = await askDesk(connection, pictureUrl(name), { timeoutMs: DESK_PICTURE_TIMEOUT_MS })
  if (!asked.ok) return asked
  const response = asked.value
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined)
    return fail('not-found', `The desk does not have the picture ${name} yet.`)
  }
  if (!response.ok) return fail('io', await refusal(response, name))
  const bytes = await boundedBody(response, MAX_IMAGE_BYTES).catch(() => undefined)
  if (!bytes)
    return fail(
      'io',
      `The picture ${name} did not arrive whole, or is over ${formatMegabytes(MAX_IMAGE_BYTES)}.`,
    )
  const prepared = await prepareImage(name, bytes)
  if (!prepared.ok) return prepared
  if (prepared.value.src !== `assets/${name}`)
    return fail('damaged', `The desk sent other bytes than the picture ${name}; it was not kept.`)
  return ok(bytes)
}
