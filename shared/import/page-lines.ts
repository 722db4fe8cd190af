/** Measures of the lines of a page's copied text, in any script. */
import { withoutEmbeddedMedia } from './embedded-media'

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu

/** About how many words a line holds, in any script: a CJK character counts for most of one. */
export function wordsIn(line: string): number {
  const cjk = line.match(CJK)?.length ?? 0
  const latin = line.replace(CJK, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return latin + cjk / 1.5
}

export const endsSentence = (line: string) => /[.!?。！？…:;"”»)]$/.test(line)

/**
 * A list item typed with its bullet ("* Added Slime Block"): menus copy without bullets, so a
 * typed bullet is the text's own. Dashes are left out: Nordic and Czech copy opens a quote with
 * one ("– Vi är glada, säger hon.").
 */
export const TYPED_BULLET = /^[*•+]\s+\S/

/** A menu copied as one line: "Home | News | Sport | Business". */
const MENU_ROW = /^[^|]{1,24}(?:\|[^|]{1,24}){3,}$/

/**
 * Chinese and Japanese writers break lines at phrases without a stop (blogs above all): a line
 * of some length in those scripts is the story's.
 */
const CJK_PROSE_WORDS = 20

export const mostlyCjk = (line: string) =>
  (line.match(CJK)?.length ?? 0) * 2 > (line.match(/[\p{L}\p{N}]/gu)?.length ?? 0)

/** "Four tips for startup success from a Silicon Valle...": a teaser's title, cut short. */
const CUT_SHORT = /(?:\.\.\.|…)$/
const CUT_SHORT_WORDS = 15

/**
 * A page's markup shown as text (what `<noscript>` holds, with scripts off): code, not prose,
 * however long.
 */
const MARKUP = /^<[a-z][\w-]*[\s>/]/i

/** Story text: a sentence of some length, a long line, or an item of a typed list. */
export const isProse = (line: string) => {
  const words = wordsIn(line)
  if (words < CUT_SHORT_WORDS && CUT_SHORT.test(line)) return false
  if (MARKUP.test(line)) return false
  return (
    (words >= 25 && !MENU_ROW.test(line)) ||
    (words >= CJK_PROSE_WORDS && mostlyCjk(line) && !MENU_ROW.test(line)) ||
    (words >= 6 && endsSentence(line)) ||
    (words >= 3 && TYPED_BULLET.test(line))
  )
}

/**
 * Whether a line goes on from the one above: pages that break their paragraphs into short lines
 * (text set in `<pre>`, or `<br>` at every line) leave sentences cut mid-way, the next line
 * going on in lower case. Menus in lower case are lists of a word or two; "by …" under a
 * headline starts a byline.
 */
const continues = (above: string, line: string) =>
  !above.includes(CELL) &&
  !line.includes(CELL) &&
  wordsIn(above) >= 5 &&
  !endsSentence(above) &&
  /^\p{Ll}/u.test(line) &&
  (wordsIn(line) >= 3 || endsSentence(line)) &&
  !/^(?:by|on|from)\b/i.test(line)

/**
 * Chromium's copied text parts a table's cells with a tab, and with a tab on a line of its own
 * where the cells hold paragraphs. Lines of a page keep their tabs: a line with one is a row.
 */
export const CELL = '\t'

/** A cell of more words is a page laid out in a table, not a table's cell. */
const MAX_CELL_WORDS = 40

/**
 * A page's text as trimmed lines, blank lines left out, lines cut mid-sentence joined again,
 * a table row's cells that stand on lines of their own joined into the row, and embedded
 * media left out.
 */
export function pageLines(text: string): string[] {
  const lines: string[] = []
  let above = ''
  let nextCell = false
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw
      .replace(/[^\S\t]+/g, ' ')
      .replace(/ ?\t ?/g, CELL)
      .replace(/^ | $/g, '')
    if (!line.replaceAll(CELL, '')) {
      if (line) nextCell = true
      continue
    }
    const last = lines.at(-1)
    if (
      nextCell &&
      last !== undefined &&
      wordsIn(last.split(CELL).at(-1) ?? '') <= MAX_CELL_WORDS &&
      wordsIn(line) <= MAX_CELL_WORDS
    ) {
      lines[lines.length - 1] = `${last}${CELL}${line}`
    } else if (last !== undefined && continues(above, line)) lines[lines.length - 1] += ` ${line}`
    else lines.push(line)
    above = line
    nextCell = false
  }
  return withoutEmbeddedMedia(lines)
}

/** A whole line that is only page furniture, wherever it stands. */
export const FURNITURE_LINE =
  /^(?:share(?: this)?|share (?:on|via) \w+|tweet|pin|email|print|copy link|facebook|twitter|x|whatsapp|linkedin|reddit|advertisement|advert|sponsored|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|teilen|partager|compartir|compartilhar|condividi|sdílet(?: článek)?|udostępnij|dela|delen|jaa|drucken|imprimer|imprimir|skip to (?:main )?content|menu|close|search|subscribe|sign in|log in|follow|read more|\d+ min read|\d*click to (?:share|email|print)\b.{0,60}|image|photo|video|play|listen|[\w-]+\.(?:jpe?g|png|gif|webp|svg))$/i

/** A newsletter's sign-up box: "Sign up for our newsletter", "Recevoir la newsletter". */
export const NEWSLETTER_SIGN_UP =
  /^(?:(?:sign up|subscribe|register) (?:for|to) (?:our|the) (?:.{0,30} )?newsletters?|get (?:our|the) (?:.{0,30} )?newsletters?|(?:recevoir|abonnez-vous à|inscrivez-vous à) (?:la|notre) newsletter|newsletter abonnieren|suscríbete (?:a|al) (?:.{0,30} )?(?:newsletter|boletín))$/i

/**
 * A box of teasers or share buttons ("Related", "Share this article"): set into a story, or the
 * end of it.
 */
export const TEASER_BOX =
  /^(?:related(?: (?:articles|stories|content|posts|coverage))?|more (?:stories|news)|more (?:stories |news )?(?:from|on|in) .{1,40}|you (?:may|might) also like|see also|recommended(?: for you)?|share this (?:article|story|post)|mehr zum thema.{0,40}|auch auf .{1,40}|das könnte sie auch interessieren|weitere artikel|(?:à )?lire aussi|sur le même sujet|articles liés|lee también|ver también|artículos relacionados|leia também|veja também|leggi anche|související(?: články)?|čtěte také|přečtěte si (?:také|též)|czytaj (?:także|też)|zobacz (?:także|też)|läs (?:också|även)|relaterat|les også|læs også|relatert|lees ook|gerelateerd|lue myös|[【[]?(?:関連記事|関連ニュース|相关文章|相關文章|相关阅读|相關閱讀|延伸阅读|延伸閱讀|관련\s?기사)[】\]]?)$/i

/** What pages set above a picture's caption. */
export const PICTURE_LABEL = /^(?:image|photo|picture|foto|bild)$/i

/**
 * The words a line shares with others, for telling a headline from a teaser: Latin words of four
 * letters or more, and pairs of CJK characters.
 */
export function keyWords(line: string): string[] {
  const lower = line.toLowerCase()
  const latin = lower.replace(CJK, ' ').match(/\p{L}{4,}/gu) ?? []
  const pairs: string[] = []
  for (const run of lower.match(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu,
  ) ?? [])
    for (let index = 0; index + 1 < run.length; index++) pairs.push(run.slice(index, index + 2))
  return [...latin, ...pairs]
}
