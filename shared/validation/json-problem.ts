/**
 * Why text that JSON.parse refused is not JSON, and where, in words, to follow a file's name:
 * "is not valid JSON (it ends in the middle, at line 12)". The engine's own message differs
 * between Node versions and often names no place, so the text is scanned again here.
 */
export function describeJsonProblem(text: string): string {
  if (text.trim() === '') return 'is empty'
  const found = jsonErrorAt(text)
  if (!found) return 'is not valid JSON'
  if (found.ended) {
    const { line } = lineAndColumn(text, text.trimEnd().length)
    return `is not valid JSON (it ends in the middle, at line ${line})`
  }
  const { line, column } = lineAndColumn(text, found.offset)
  return `is not valid JSON (unexpected ${shownCharacter(text, found.offset)} at line ${line}, column ${column})`
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1
    lineStart = at + 1
  }
  return { line, column: offset - lineStart + 1 }
}

function shownCharacter(text: string, offset: number): string {
  const character = String.fromCodePoint(text.codePointAt(offset) ?? 0)
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)
    ? `"${character}"`
    : `character U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERALS = ['true', 'false', 'null']
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/**
 * Where JSON text first goes wrong: the offset of the first character that cannot be there, or
 * `ended` when the text stops before the JSON is complete (a file cut off mid-write). Iterative,
 * so a hostile file nested very deep cannot overflow the stack. Undefined when no fault is found.
 */
function jsonErrorAt(text: string): { offset: number; ended: boolean } | undefined {
  const containers: ('{' | '[')[] = []
  type Expecting = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'comma-or-close' | 'end'
  let expecting: Expecting = 'value'
  let at = 0
  const fault = (offset: number) => ({ offset, ended: offset >= text.length })
  const afterValue = (): Expecting => (containers.length > 0 ? 'comma-or-close' : 'end')
  /** The offset just past a string starting at `start`, or the fault in it. */
  const scanString = (start: number): number | { offset: number; ended: boolean } => {
    let index = start + 1
    while (index < text.length) {
      const character = text[index] ?? ''
      if (character === '"') return index + 1
      if (character === '\\') {
        const escaped = text[index + 1]
        if (escaped === undefined) return fault(text.length)
        if (escaped === 'u') {
          const hex = text.slice(index + 2, index + 6)
          const bad = [...hex].findIndex((digit) => !/[0-9a-fA-F]/.test(digit))
          if (bad !== -1) return fault(index + 2 + bad)
          if (hex.length < 4) return fault(text.length)
          index += 6
          continue
        }
        if (!ESCAPES.has(escaped)) return fault(index + 1)
        index += 2
        continue
      }
      if (character < ' ') return fault(index)
      index += 1
    }
    return fault(text.length)
  }
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1
    if (at >= text.length) return expecting === 'end' ? undefined : fault(at)
    const character = text[at] ?? ''
    switch (expecting) {
      case 'end':
        return fault(at)
      case 'key':
      case 'key-or-close': {
        if (expecting === 'key-or-close' && character === '}') {
          containers.pop()
          at += 1
          expecting = afterValue()
          break
        }
        if (character !== '"') return fault(at)
        const end = scanString(at)
        if (typeof end !== 'number') return end
        at = end
        while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1
        if (at >= text.length) return fault(at)
        if (text[at] !== ':') return fault(at)
        at += 1
        expecting = 'value'
        break
      }
      case 'comma-or-close': {
        const open = containers.at(-1)
        if (character === ',') {
          at += 1
          expecting = open === '{' ? 'key' : 'value'
        } else if ((character === '}' && open === '{') || (character === ']' && open === '[')) {
          containers.pop()
          at += 1
          expecting = afterValue()
        } else return fault(at)
        break
      }
      case 'value':
      case 'value-or-close': {
        if (expecting === 'value-or-close' && character === ']') {
          containers.pop()
          at += 1
          expecting = afterValue()
          break
        }
        if (character === '{' || character === '[') {
          containers.push(character)
          at += 1
          expecting = character === '{' ? 'key-or-close' : 'value-or-close'
          break
        }
        if (character === '"') {
          const end = scanString(at)
          if (typeof end !== 'number') return end
          at = end
          expecting = afterValue()
          break
        }
        NUMBER.lastIndex = at
        const number = NUMBER.exec(text)
        if (number && number[0] !== '-') {
          at += number[0].length
          expecting = afterValue()
          break
        }
        if (character === '-') return fault(at + 1)
        const literal = LITERALS.find((word) => word[0] === character)
        if (!literal) return fault(at)
        const written = text.slice(at, at + literal.length)
        if (written === literal) {
          at += literal.length
          expecting = afterValue()
          break
        }
        const wrong = [...written].findIndex((letter, index) => letter !== literal[index])
        return fault(wrong === -1 ? text.length : at + wrong)
      }
    }
  }
}
