import { Redis } from '@hocuspocus/extension-redis'
import { isTransactionOrigin, OutgoingMessage, type onChangePayload } from '@hocuspocus/server'

/** How often, at most, a story's servers compare whole states while people write in it. */
export const STATE_CHECK_INTERVAL_MS = 1_000

/** What Hocuspocus' Redis extension keeps to itself and this one needs (exact version pinned). */
interface RedisInternals {
  pubKey(documentName: string): string
  encodeMessage(message: Uint8Array): Buffer
}

const cameThroughRedis = (origin: unknown) =>
  isTransactionOrigin(origin) && origin.source === 'redis'

/**
 * Hocuspocus' Redis extension, with each change passed on in one trip. The extension announces
 * a change by publishing the story's state vector; every other server answers with its own, and
 * the change itself comes back only on the third trip through Redis, each costing a diff of the
 * whole story on a busy server. Here the change goes out as it is, at once, and the extension's
 * state comparison runs at most once a second per story (and after the last change), which
 * repairs anything a Redis outage lost.
 */
export class OneTripRedis extends Redis {
  private readonly stateChecks = new Map<string, NodeJS.Timeout>()

  constructor(
    configuration: ConstructorParameters<typeof Redis>[0],
    private readonly stateCheckIntervalMs = STATE_CHECK_INTERVAL_MS,
  ) {
    super(configuration)
  }

  override async onChange(data: onChangePayload): Promise<void> {
    if (cameThroughRedis(data.transactionOrigin)) return
    const internals = this as unknown as RedisInternals
    const message = new OutgoingMessage(data.documentName)
      .createSyncMessage()
      .writeUpdate(data.update)
    if (!this.stateChecks.has(data.documentName))
      this.stateChecks.set(
        data.documentName,
        setTimeout(() => {
          this.stateChecks.delete(data.documentName)
          void super.onChange(data)
        }, this.stateCheckIntervalMs),
      )
    await this.pub.publish(
      internals.pubKey(data.documentName),
      internals.encodeMessage(message.toUint8Array()),
    )
  }

  override async afterUnloadDocument(
    data: Parameters<Redis['afterUnloadDocument']>[0],
  ): Promise<void> {
    clearTimeout(this.stateChecks.get(data.documentName))
    this.stateChecks.delete(data.documentName)
    await super.afterUnloadDocument(data)
  }

  override async onDestroy(): Promise<void> {
    this.stateChecks.forEach((timer) => clearTimeout(timer))
    this.stateChecks.clear()
    await super.onDestroy()
  }
}
