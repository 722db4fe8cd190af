import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { Awareness } from 'y-protocols/awareness'
import { authorColourIndex } from '../../../shared/suggestions/author-colour'
import { useSettings } from '../stores/settings-store'

/**
 * The suggestion authors' palette (--author-N in the stylesheet), as the caret extension needs
 * concrete colours: a person's caret is the colour of their suggestions.
 */
const CARET_COLOURS = ['#0b5cad', '#a3520b', '#1f6f3a', '#7b2fa3', '#a31f4f', '#236b75']

/**
 * The name is drawn by the stylesheet from `data-name`, not put in as text: the caret sits in the
 * story's text, and copying it, counting it or reading it aloud must not pick the name up.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.setAttribute('aria-hidden', 'true')
  caret.dataset.name = typeof user.name === 'string' ? user.name : ''
  if (typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color))
    caret.style.setProperty('--caret-colour', user.color)
  return caret
}

/**
 * Others' carets and selections in a shared story's field, each with their name. The name shown
 * is the one the desk gave the person, whatever this page says; the colour is theirs everywhere.
 */
export function sharedCarets(awareness: Awareness) {
  const name = useSettings.getState().settings?.displayName ?? ''
  return CollaborationCaret.configure({
    provider: { awareness },
    user: { name, color: CARET_COLOURS[authorColourIndex(name)] },
    render: renderCaret,
  })
}
