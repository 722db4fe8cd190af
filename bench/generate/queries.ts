import { FIRST_NAMES, LAST_NAMES, NOUNS, PLACES, TOPICS } from './newsroom-words'
import type { Random } from './random'

/**
 * What people type in a library's search box: a topic, a name, the start of a word (results
 * show as they type), a word with a typo, or two words together.
 */
export function searchQueries(random: Random, count: number): string[] {
  const word = () => random.pick([...TOPICS, ...NOUNS])
  const forms = [
    () => word(),
    () => random.pick(LAST_NAMES),
    () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    () => word().slice(0, random.int(3, 5)),
    () => {
      const chosen = word()
      const at = random.int(1, chosen.length - 2)
      return `${chosen.slice(0, at)}${chosen[at + 1] ?? ''}${chosen[at] ?? ''}${chosen.slice(at + 2)}`
    },
    () => `${word()} ${random.pick(PLACES).replace(/^the /, '')}`,
  ]
  return Array.from({ length: count }, () => forms[random.int(0, forms.length - 1)]?.() ?? '')
}
