import type { CopyfitReport, FieldFit } from '../../../shared/copyfit/copyfit-report'
import { setParagraph } from '../../../shared/copyfit/line-breaker'
import { measurePt, type PrintField, type PrintSlot, type Slot } from '../../../shared/copyfit/slot'
import { ok, type Result } from '../../../shared/result'
import { hyphenatorFor } from './hyphenation'
import { FaceMetrics, fontFiles } from './slot-fonts'
import type { Slots } from './slots'

/** What copyfit measures: the story's texts, and the language it hyphenates them in. */
export interface CopyfitText {
  headline: string
  standfirst: string
  /** The body's paragraphs, as a reader sees them. */
  paragraphs: readonly string[]
  language: string
}

/** Characters as a person counts them: "é" once, an emoji once. */
const characters = (text: string) => [...new Intl.Segmenter().segment(text.trim())].length

/** Counts lines and characters of a story against a slot, as the page would set it. */
export class Copyfit {
  private readonly faces = new Map<string, FaceMetrics>()

  constructor(private readonly slots: Slots) {}

  async measure(slotId: string, text: CopyfitText): Promise<Result<CopyfitReport>> {
    const slot = await this.slots.find(slotId)
    if (!slot.ok) return slot
    return ok(await this.report(slot.value, text))
  }

  async report(slot: Slot, text: CopyfitText): Promise<CopyfitReport> {
    const base = { slotId: slot.id, slotName: slot.name, widows: [] }
    if (slot.kind === 'web') {
      const { budgets } = slot
      const fits: FieldFit[] = []
      const count = (field: FieldFit['field'], used: string, available: number | undefined) => {
        if (available) fits.push({ field, unit: 'characters', used: characters(used), available })
      }
      count('Headline', text.headline, budgets.headline)
      // Without titles of their own, search engines and social cards show the headline.
      count('Search title', text.headline, budgets.searchTitle)
      count('Social title', text.headline, budgets.socialTitle)
      count('Standfirst', text.standfirst, budgets.standfirst)
      return { ...base, fields: fits }
    }
    const hyphenate = await hyphenatorFor(text.language)
    const set = (field: PrintField, paragraph: string) => {
      const face = this.face(slot, field.weight)
      const size = field.sizePt
      return setParagraph(hyphenate(paragraph), measurePt(slot, field), {
        width: (run) => face.width(run) * size,
        space: face.width(' ') * size,
        hyphen: face.width('-') * size,
      })
    }
    const lines = (field: PrintField, paragraph: string) =>
      paragraph.trim() ? set(field, paragraph).lines.length : 0
    const fields: FieldFit[] = [
      {
        field: 'Headline',
        unit: 'lines',
        used: lines(slot.headline, text.headline),
        available: slot.headline.lines,
      },
    ]
    if (slot.standfirst)
      fields.push({
        field: 'Standfirst',
        unit: 'lines',
        used: lines(slot.standfirst, text.standfirst),
        available: slot.standfirst.lines,
      })
    const widows: number[] = []
    let used = 0
    let bodyOver: CopyfitReport['bodyOver']
    text.paragraphs
      .filter((paragraph) => paragraph.trim())
      .forEach((paragraph, index) => {
        const setting = set(slot.body, paragraph)
        if (setting.widow) widows.push(index)
        if (!bodyOver && used + setting.lines.length > slot.body.lines)
          bodyOver = { paragraph: index, line: Math.max(0, slot.body.lines - used) }
        used += setting.lines.length
      })
    fields.push({ field: 'Body', unit: 'lines', used, available: slot.body.lines })
    return { ...base, fields, widows, ...(bodyOver && { bodyOver }) }
  }

  private face(slot: PrintSlot, weight: number): FaceMetrics {
    const key = `${slot.font}:${weight}`
    let face = this.faces.get(key)
    if (!face) {
      const files = fontFiles(slot.font, weight)
      if (!files) throw new Error(`no font files for ${slot.font}`)
      face = new FaceMetrics(files)
      this.faces.set(key, face)
    }
    return face
  }
}
