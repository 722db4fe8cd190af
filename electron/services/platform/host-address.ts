import { randomBytes } from 'node:crypto'
import { chmod, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { writeFileDurably } from '../disk/atomic-file'
import { makeFolders } from '../disk/make-folders'

/** The address a browser host for one library answers on: its token, and the port it had. */
export interface HostAddress {
  token: string
  port?: number
}

const AddressesSchema = z.record(
  z.string(),
  z.object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    port: z.number().int().min(1).max(65_535).optional(),
  }),
)

/**
 * Remembers, beside the settings, each library's browser-host token and port, so a host started
 * again on the same library (after a crash, a reboot, Ctrl+C) is the same address with the same
 * token: an open tab reconnects to it by itself and saves what it holds. The file is readable by
 * its owner only, as the settings are theirs.
 */
export class HostAddresses {
  constructor(private readonly file: string) {}

  /** The library's address as last used, or a new token for a library not served before. */
  async forLibrary(libraryRoot: string): Promise<HostAddress> {
    return (await this.read())[libraryRoot] ?? { token: randomBytes(32).toString('base64url') }
  }

  async remember(libraryRoot: string, address: HostAddress): Promise<void> {
    const addresses = { ...(await this.read()), [libraryRoot]: address }
    await makeFolders(dirname(this.file))
    await writeFileDurably(this.file, `${JSON.stringify(addresses, null, 2)}\n`)
    await chmod(this.file, 0o600)
  }

  private async read(): Promise<z.infer<typeof AddressesSchema>> {
    const parsed = AddressesSchema.safeParse(
      await readFile(this.file, 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => undefined),
    )
    // A missing or damaged file only costs open tabs their reconnection: start afresh.
    return parsed.success ? parsed.data : {}
  }
}
