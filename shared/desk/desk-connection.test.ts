import { describe, expect, it } from 'vitest'
import {
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
