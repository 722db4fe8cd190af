import { isOverBound } from '../validation/bounded'
import { describeZodError } from '../validation/describe-zod-error'
import { isChannelName } from './channels'
import type { Contract, Handlers } from './contract'
import { THIS_PROCESS, type RequestContext } from '../library/request-context'
import { fail, type Result } from '../result'
import { nestingDepth } from '../validation/nesting-depth'

/** Far deeper than any real request (an article body nests a few levels); a bound for hostile ones. */
export const MAX_REQUEST_DEPTH = 256

/** What answers requests: a handler per channel, and the contract that checks their requests. */
export interface RequestDoor {
  readonly handlers: Handlers
  readonly contract: Contract
  /** Hears how long steps of a request took ("article:save:check"): for the benchmarks. */
  readonly onStepTimed?: (step: string, milliseconds: number) => void
}

/**
 * The one door into main's handlers, used by Electron IPC and the browser host alike:
 * an unknown channel or a payload that fails its schema never reaches a handler.
 */
export async function dispatch(
  { handlers, contract, onStepTimed }: RequestDoor,
  channel: unknown,
  payload: unknown,
  context: RequestContext = THIS_PROCESS,
): Promise<Result<unknown>> {
  if (!isChannelName(channel))
    return fail('invalid-request', `unknown channel ${JSON.stringify(channel)}`)
  const depth = nestingDepth(payload, MAX_REQUEST_DEPTH)
  if (depth > MAX_REQUEST_DEPTH) {
    return fail(
      'invalid-request',
      `${channel}: the request is nested more than ${MAX_REQUEST_DEPTH} levels deep`,
    )
  }
  const checking = performance.now()
  const parsed = contract[channel].request.safeParse(payload)
  onStepTimed?.(`${channel}:check`, performance.now() - checking)
  if (!parsed.success) {
    // Text over a hard bound is a person's paste, told in a sentence; the channel's name would
    // only mean something to a programmer, as any other malformed request can come only from one.
    const pasted = parsed.error.issues.every(
      (issue) => issue.code === 'custom' && isOverBound(issue.params),
    )
    const described = describeZodError(parsed.error)
    return fail('invalid-request', pasted ? described : `${channel}: ${described}`)
  }
  const handler = handlers[channel] as (
    request: unknown,
    context: RequestContext,
  ) => Promise<Result<unknown>>
  try {
    return await handler(parsed.data, context)
  } catch (error) {
    // Handlers answer expected failures as data; anything thrown is a bug. It still comes back
    // typed, so the window can say what failed while the process carries on.
    console.error(`${channel} failed unexpectedly:`, error)
    return fail(
      'internal',
      `${channel} failed unexpectedly (${error instanceof Error ? error.message : String(error)}). Nothing was changed by the failed step; please report it.`,
    )
  }
}
