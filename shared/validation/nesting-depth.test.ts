import { describe, expect, it } from 'vitest'
import { nestingDepth } from './nesting-depth'

function nested(levels: number): unknown {
  let value: unknown = 'leaf'
  for (let level = 0; level < levels; level++) value = level % 2 ? [value] : { child: value }
  return value
}

describe('nesting depth', () => {
  it('counts arrays and objects, not scalars', () => {
    expect(nestingDepth('text', 10)).toBe(0)
    expect(nestingDepth({ a: 1, b: [2, { c: 3 }] }, 10)).toBe(3)
    expect(nestingDepth(nested(7), 10)).toBe(7)
  })

  it('measures a million levels without overflowing the stack, stopping past the limit', () => {
    expect(nestingDepth(nested(1_000_000), 200)).toBe(201)
  })
})
