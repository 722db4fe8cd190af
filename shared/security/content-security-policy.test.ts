import { describe, expect, it } from 'vitest'
import { RENDERER_CSP, RENDERER_CSP_HEADER } from './content-security-policy'

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe("the renderer's Content-Security-Policy", () => {
  const policy = directives(RENDERER_CSP_HEADER)

  it('runs only the app’s own scripts: no eval, no inline script, no remote origin', () => {
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(RENDERER_CSP_HEADER).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/)
  })

  it('names no remote origin in any directive', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, name).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/)
      }
    }
    // Inline code is allowed for styles only (ProseMirror and React set style attributes).
    const inline = [...policy].filter(([, sources]) => sources.includes("'unsafe-inline'"))
    expect(inline.map(([name]) => name)).toEqual(['style-src'])
  })

  it('allows no plugins, no base rewriting, no frames either way, no form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-src')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(RENDERER_CSP_HEADER.startsWith(RENDERER_CSP)).toBe(true)
  })
})
