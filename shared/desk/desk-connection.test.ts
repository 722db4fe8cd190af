import { describe, expect, it } from 'vitest'
import {
  deskAddresses,
  DeskAddressSchema,
  deskSocketUrl,
  deskStoriesUrl,
  DeskTokenSchema,
} from './desk-connection'

describe('the desk address', () => {
  it('takes WebSocket and HTTP addresses, or none', () => {
    for (const address of [
      '',
      'ws://127.0.0.1:1234',
      'wss://desk.example.org',
      'http://localhost:1234/',
      'https://desk.example.org/desk',
    ])
      expect(DeskAddressSchema.safeParse(address).success).toBe(true)
    expect(DeskAddressSchema.parse('  ws://127.0.0.1:1234 ')).toBe('ws://127.0.0.1:1234')
  })

  it('takes several, parted by commas or spaces, for a desk on several servers', () => {
    const several =
      'ws://desk-1.example.org:1234, ws://desk-2.example.org:1234 wss://desk.example.org'
    expect(DeskAddressSchema.safeParse(several).success).toBe(true)
    expect(deskAddresses(several)).toEqual([
      'ws://desk-1.example.org:1234',
      'ws://desk-2.example.org:1234',
      'wss://desk.example.org',
    ])
    const wrong = DeskAddressSchema.safeParse('ws://desk-1.example.org:1234, desk-2.example.org')
    expect(wrong.error?.issues.map((issue) => issue.message)).toContain(
      'desk-2.example.org: a desk address such as ws://127.0.0.1:1234 or wss://desk.example.org',
    )
  })

  it('refuses anything else', () => {
    for (const address of ['desk.example.org', 'ftp://desk.example.org', 'file:///etc/passwd'])
      expect(DeskAddressSchema.safeParse(address).success).toBe(false)
  })

  it('finds the story list over HTTP, under the address’s path', () => {
    expect(deskStoriesUrl('ws://127.0.0.1:1234')).toBe('http://127.0.0.1:1234/stories')
    expect(deskStoriesUrl('wss://desk.example.org/')).toBe('https://desk.example.org/stories')
    expect(deskStoriesUrl('WSS://desk.example.org/desk')).toBe(
      'https://desk.example.org/desk/stories',
    )
    expect(deskStoriesUrl('http://[::1]:1234?x=1')).toBe('http://[::1]:1234/stories')
  })

  it('connects to the stories over WebSocket, under the address’s path', () => {
    expect(deskSocketUrl('ws://127.0.0.1:1234')).toBe('ws://127.0.0.1:1234')
    expect(deskSocketUrl(' http://127.0.0.1:1234 ')).toBe('ws://127.0.0.1:1234')
    expect(deskSocketUrl('HTTPS://desk.example.org/desk?x=1')).toBe('wss://desk.example.org/desk')
  })
})

describe('the desk token', () => {
  it('is one word, trimmed', () => {
    expect(DeskTokenSchema.parse(' cdk_abc-DEF_123\n')).toBe('cdk_abc-DEF_123')
    expect(DeskTokenSchema.safeParse('cdk abc').success).toBe(false)
    expect(DeskTokenSchema.safeParse('   ').success).toBe(false)
  })
})
