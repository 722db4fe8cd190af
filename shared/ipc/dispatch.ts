import { describeZodError } from '../validation/describe-zod-error'
import { isChannelName } from './channels'
import { contract, type Handlers } from './contract'
import { fail, type Result } from './result'

/**
 * The one door into main's handlers, used by Electron IPC and the browser host alike:
 * an unknown channel or a payload that fails its schema never reaches a handler.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannelName(channel))
    return fail('invalid-request', `unknown channel ${JSON.stringify(channel)}`)
  const parsed = contract[channel].request.safeParse(payload)
  if (!parsed.success) {
    return fail('invalid-request', `${channel}: ${describeZodError(parsed.error)}`)
  }
  const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>
  return handler(parsed.data)
}
