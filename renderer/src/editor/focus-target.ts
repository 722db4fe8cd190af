import type { PreflightTarget } from '../../../shared/export/preflight'
import { useFieldEditors } from '../stores/field-editors'

const focusRegion = (name: string) => {
  const region = document.querySelector<HTMLElement>(`section[aria-label="${name}"]`)
  region?.scrollIntoView({ block: 'nearest' })
  region?.querySelector<HTMLElement>('button, input, textarea, select')?.focus()
}

/** Takes the person to where a preflight problem is: the field, or the figure's own field. */
export function focusTarget(target: PreflightTarget): void {
  const { editors } = useFieldEditors.getState()
  switch (target.field) {
    case 'Headline':
    case 'Standfirst':
    case 'Body':
      editors[target.field]?.commands.focus()
      return
    case 'Byline':
      document.querySelector<HTMLElement>('ul[aria-label="Byline"] input, .byline button')?.focus()
      return
    case 'Suggestions':
    case 'Style':
    case 'Sources':
      focusRegion(target.field)
      return
    case 'Figure': {
      const body = editors.Body
      const figure =
        body?.view.dom.querySelectorAll<HTMLElement>('figure.figure')[target.figureIndex ?? 0]
      if (!body || !figure) return
      figure.scrollIntoView({ block: 'center' })
      if (target.figureField === 'Credit' || target.figureField === 'Alt text') {
        const label = Array.from(figure.querySelectorAll('label')).find(
          (candidate) => candidate.querySelector('span')?.textContent === target.figureField,
        )
        label?.querySelector('input')?.focus()
        return
      }
      const caption = figure.querySelector('figcaption')
      if (caption) body.commands.focus(body.view.posAtDOM(caption, 0))
    }
  }
}
