import type { Session } from 'electron'

/** Words in the newsroom dictionary (settings) that the session's spellchecker should accept. */
export function syncDictionary(
  session: Pick<
    Session,
    'addWordToSpellCheckerDictionary' | 'removeWordFromSpellCheckerDictionary'
  >,
  previous: string[],
  next: string[],
): void {
  for (const word of next)
    if (!previous.includes(word)) session.addWordToSpellCheckerDictionary(word)
  for (const word of previous)
    if (!next.includes(word)) session.removeWordFromSpellCheckerDictionary(word)
}
