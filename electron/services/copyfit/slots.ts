import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { SlotDefinitionSchema, SlotIdSchema, type Slot } from '../../../shared/copyfit/slot'
import { fail, ok, type Result } from '../../../shared/result'
import { describeZodError } from '../../../shared/validation/describe-zod-error'
import { writeFileDurably } from '../disk/atomic-file'
import { fsFailure, isErrnoException } from '../disk/fs-failure'
import { makeFolders } from '../disk/make-folders'
import { SLOT_FONTS } from './slot-fonts'

export interface LoadedSlots {
  slots: Slot[]
  /** Slot files that could not be used, with why: reported, never silently dropped. */
  problems: string[]
}

/** Parses one slot file's YAML; the id is its file name. */
export function parseSlot(id: string, text: string): Result<Slot> {
  const name = SlotIdSchema.safeParse(id)
  if (!name.success) return fail('invalid-file', describeZodError(name.error))
  let raw: unknown
  try {
    raw = parse(text)
  } catch (error) {
    return fail('invalid-file', `not YAML: ${error instanceof Error ? error.message : error}`)
  }
  const parsed = SlotDefinitionSchema.safeParse(raw)
  if (!parsed.success) return fail('invalid-file', describeZodError(parsed.error))
  if (parsed.data.kind === 'print' && !SLOT_FONTS.includes(parsed.data.font))
    return fail(
      'invalid-file',
      `the font “${parsed.data.font}” is not one Copydesk sets copy in (it has ${SLOT_FONTS.join(', ')})`,
    )
  return ok({ ...parsed.data, id })
}

/**
 * The publication's slots: the examples in resources/slots, and the newsroom's own, added in
 * Settings (a slot of the newsroom's with the same name as a shipped one replaces it).
 */
export class Slots {
  constructor(
    private readonly shippedDir: string,
    private readonly userDir: string,
  ) {}

  async load(): Promise<Result<LoadedSlots>> {
    const byId = new Map<string, Slot>()
    const problems: string[] = []
    for (const dir of [this.shippedDir, this.userDir]) {
      let names: string[]
      try {
        names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort()
      } catch (error) {
        if (isErrnoException(error) && error.code === 'ENOENT') continue
        return fsFailure(error, 'read the slots')
      }
      for (const name of names) {
        const slot = parseSlot(name.replace(/\.yaml$/, ''), await readFile(join(dir, name), 'utf8'))
        if (slot.ok) byId.set(slot.value.id, slot.value)
        else problems.push(`${name}: ${slot.error.message}`)
      }
    }
    return ok({ slots: [...byId.values()], problems })
  }

  async find(id: string): Promise<Result<Slot>> {
    const loaded = await this.load()
    if (!loaded.ok) return loaded
    const slot = loaded.value.slots.find((candidate) => candidate.id === id)
    return slot ? ok(slot) : fail('not-found', `There is no slot “${id}”.`)
  }

  /** Keeps a newsroom's slot file; one that does not parse changes nothing. */
  async import(fileName: string, text: string): Promise<Result<Slot>> {
    const id = fileName.replace(/\.ya?ml$/i, '').toLowerCase()
    const slot = parseSlot(id, text)
    if (!slot.ok) return fail('invalid-file', `${fileName} is not a slot: ${slot.error.message}`)
    try {
      await makeFolders(this.userDir)
      await writeFileDurably(join(this.userDir, `${id}.yaml`), text)
    } catch (error) {
      return fsFailure(error, 'keep the slot')
    }
    return slot
  }
}
