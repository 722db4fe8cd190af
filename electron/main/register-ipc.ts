import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '../../shared/ipc/channels'
import { dispatch, type RequestDoor } from '../../shared/ipc/dispatch'
import { fail } from '../../shared/result'
import { urlOrigin } from './url-origin'

/** True when a request comes from the app's own page, not from some other frame or origin. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/** Registers one handler per contract channel; each validates its payload and its sender. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  door: RequestDoor,
  isTrustedSender: SenderCheck,
  /** A window has gone: release what it held (the lock of the article it had open). */
  onClientGone: (client: string) => void = () => undefined,
): void {
  const known = new Set<number>()
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return fail('invalid-request', `${channel}: refused a request from an untrusted frame`)
      }
      const { sender } = event
      const client = `window-${sender.id}`
      if (!known.has(sender.id)) {
        known.add(sender.id)
        sender.once('destroyed', () => {
          known.delete(sender.id)
          onClientGone(client)
        })
      }
      return dispatch(door, channel, payload, { client })
    })
  }
}

/** Accepts only the main frame of a page served from one of the app's own origins. */
export function trustedOrigins(origins: string[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent) return false
    const origin = urlOrigin(frame.url)
    return origin !== undefined && origins.includes(origin)
  }
}
