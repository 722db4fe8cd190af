import { FRAME_FLOOR } from './measure/editor'
import type { Figure } from './support/figure'

const SIZES = ['2,000 words', '20,000 words', '50,000 words']

const find = (figures: Figure[], group: string, name: string) =>
  figures.find((figure) => figure.group === group && figure.name === name)

/** A target on p50 over the baseline's p50, as the report's ratio column shows it. */
function ratioTarget(figure: Figure | undefined, most: number, also?: Figure['target']): void {
  if (!figure) return
  const ratioMet = figure.ratio !== undefined && figure.ratio <= most
  figure.target = also
    ? { text: `${also.text} and ≤ ${most}× the baseline`, met: also.met && ratioMet }
    : { text: `≤ ${most}× the baseline`, met: ratioMet }
}

/**
 * Marks each figure the project has a target for with the target and whether it was met: issue
 * 30's against the baselines of the same run, and the fixed ones of earlier issues.
 */
export function applyTargets(figures: Figure[]): Figure[] {
  const floor = find(figures, 'Typing (key to painted frame)', FRAME_FLOOR)
  for (const size of SIZES) {
    // Typing: p95 against bare TipTap's p95, and at 20,000 words against the frame clock itself.
    const typing = find(figures, 'Typing (key to painted frame)', size)
    if (typing?.baseline) {
      const bare = typing.baseline.p95
      const nearFloor = size === '20,000 words' && floor
      typing.target = {
        text: `p95 ≤ 1.1× bare TipTap's (${bare.toFixed(1)} ms)${nearFloor ? ` and ≤ the empty textarea's + 3 ms (${(floor.p95 + 3).toFixed(1)} ms)` : ''}`,
        met: typing.p95 <= 1.1 * bare && (!nearFloor || typing.p95 <= floor.p95 + 3),
      }
    }
    ratioTarget(find(figures, 'Typing (first key after the caret jumps to the middle)', size), 1.3)
    const open = find(figures, 'Open', size)
    ratioTarget(
      open,
      size === '2,000 words' ? 1.5 : 1.3,
      size === '20,000 words' && open ? { text: 'p50 < 300 ms', met: open.p50 < 300 } : undefined,
    )
  }
  ratioTarget(
    figures.find((figure) => figure.group === 'Start' && figure.name.includes('editable')),
    2,
  )
  ratioTarget(
    figures.find(
      (figure) => figure.group.startsWith('Paste') && figure.name.endsWith('suggesting'),
    ),
    1.5,
  )
  ratioTarget(
    figures.find((figure) => figure.group === 'JS heap'),
    1.8,
  )
  const save = find(figures, "Autosave (main's time to a durable file)", '50,000 words')
  if (save) save.target = { text: 'p50 < 40 ms', met: save.p50 < 40 }
  const history = find(figures, 'History: first list after a start', '30 versions of 50,000 words')
  if (history) history.target = { text: 'p50 < 100 ms', met: history.p50 < 100 }
  for (const figure of figures) {
    if (figure.group === 'Autosave (page main thread)')
      figure.target = { text: 'p50 < 4 ms', met: figure.p50 < 4 }
    if (figure.group === 'Export') figure.target = { text: 'p50 < 2 s', met: figure.p50 < 2000 }
    if (figure.group === 'Library' && figure.name.startsWith('search'))
      figure.target = { text: 'p95 < 30 ms', met: figure.p95 < 30 }
  }
  return figures
}
