import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fail, ok, type Result } from '../../../shared/result'
import { RulePackSchema, type RulePack } from '../../../shared/style/rules'
import { describeZodError } from '../../../shared/validation/describe-zod-error'
import { slugify } from '../../../shared/article/slug'
import { writeFileDurably } from '../disk/atomic-file'
import { fsFailure, isErrnoException } from '../disk/fs-failure'
import { unsafePatterns } from './pattern-safety'
import { makeFolders } from '../disk/make-folders'

export interface LoadedPacks {
  packs: RulePack[]
  /** Packs that could not be used, with why: reported, never silently dropped. */
  problems: string[]
}

/** House-style rule packs: the ones shipped in resources/style, and the ones a person imported. */
export class StylePacks {
  constructor(
    private readonly shippedDir: string,
    private readonly userDir: string,
  ) {}

  async load(): Promise<Result<LoadedPacks>> {
    const loaded: LoadedPacks = { packs: [], problems: [] }
    for (const dir of [this.shippedDir, this.userDir]) {
      let names: string[]
      try {
        names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
      } catch (error) {
        if (isErrnoException(error) && error.code === 'ENOENT') continue
        return fsFailure(error, 'read the house-style packs')
      }
      for (const name of names) {
        const parsed = this.parse(await readFile(join(dir, name), 'utf8'))
        if (parsed.ok) loaded.packs.push(parsed.value)
        else loaded.problems.push(`${name}: ${parsed.error.message}`)
      }
    }
    return ok(loaded)
  }

  /**
   * Validates a pack and keeps it with the user's packs; an invalid one, or one with a pattern
   * that could stall the editor, changes nothing. (The shipped packs are checked by a test.)
   */
  async import(fileName: string, text: string): Promise<Result<RulePack>> {
    const parsed = this.parse(text)
    if (!parsed.ok)
      return fail('invalid-file', `${fileName} is not a house-style pack: ${parsed.error.message}`)
    const unsafe = await unsafePatterns(parsed.value)
    if (unsafe.length > 0) {
      return fail(
        'invalid-file',
        `${fileName} was not imported: ${unsafe.length === 1 ? 'a pattern' : `${unsafe.length} patterns`} in it could stall Copydesk. ${unsafe.join('. ')}.`,
      )
    }
    try {
      await makeFolders(this.userDir)
      await writeFileDurably(
        join(this.userDir, `${slugify(parsed.value.name)}.json`),
        `${JSON.stringify(parsed.value, null, 2)}\n`,
      )
    } catch (error) {
      return fsFailure(error, `keep ${fileName}`)
    }
    return parsed
  }

  private parse(text: string): Result<RulePack> {
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return fail('invalid-file', 'not valid JSON')
    }
    const pack = RulePackSchema.safeParse(raw)
    return pack.success ? ok(pack.data) : fail('invalid-file', describeZodError(pack.error))
  }
}
