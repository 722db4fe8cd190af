import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DeskTokenSchema } from '../../../shared/desk/desk-connection'
import { fsyncDirectory, writeFileDurably } from '../disk/atomic-file'
import { isErrnoException } from '../disk/fs-failure'
import { makeFolders } from '../disk/make-folders'

/** Only the person may read or write the file: the token lets anyone holding it onto the desk. */
export const DESK_TOKEN_FILE_MODE = 0o600

/**
 * The person's desk token, kept in its own file beside the settings (mode 0600), never in the
 * settings the page reads: main sends the desk the token, and tells the page only whether one is
 * kept.
 */
export class DeskTokenStore {
  private token: string | undefined
  /** Why the file on disk could not be used, if it could not (until a token is set or forgotten). */
  loadProblem: string | undefined

  constructor(private readonly path: string) {
    const { token, problem } = this.load()
    this.token = token
    this.loadProblem = problem
  }

  isSet(): boolean {
    return this.token !== undefined
  }

  /** The token, for main's requests to the desk alone. */
  get(): string | undefined {
    return this.token
  }

  /** Keeps a new token in place of the old one, or forgets it (`null`). */
  async set(token: string | null): Promise<void> {
    this.loadProblem = undefined
    if (token === null) {
      await rm(this.path, { force: true })
      await fsyncDirectory(dirname(this.path)).catch(() => undefined)
      this.token = undefined
      return
    }
    const checked = DeskTokenSchema.parse(token)
    await makeFolders(dirname(this.path))
    await writeFileDurably(this.path, `${checked}\n`, { mode: DESK_TOKEN_FILE_MODE })
    this.token = checked
  }

  private load(): { token?: string; problem?: string } {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return {}
      return { problem: `${this.path} cannot be read (${(error as Error).message})` }
    }
    const token = DeskTokenSchema.safeParse(text)
    return token.success
      ? { token: token.data }
      : { problem: `${this.path} does not hold a desk token; set one in Settings › Desk` }
  }
}
