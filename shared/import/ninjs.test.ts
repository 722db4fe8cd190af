import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseNinjs } from './ninjs'

const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'standards', 'ninjs', 'examples')
const NO_EXAMPLES = `the IPTC examples are not there (${EXAMPLES}): they come with ../shared`

describe('parseNinjs, wire items as agencies send them', () => {
  it('leaves the headline, kicker and agency an HTML body opens with in their fields', () => {
    const story = parseNinjs(
      JSON.stringify({
        uri: 'urn:newsml:dpa.com:20260101:bridge',
        type: 'text',
        headlines: [{ role: 'main', value: 'Brücke wird gesperrt' }],
        descriptions: [{ role: 'summary', value: 'Fähren fahren alle 20 Minuten.' }],
        by: 'Von Christian Hollmann, dpa',
        located: 'Hamburg',
        bodies: [
          {
            role: 'html',
            contenttype: 'text/html',
            value:
              '<section class="main"><h1>Brücke wird gesperrt</h1><p>Verkehr</p><p>dpa</p><p>Die Brücke wird ab Montag gesperrt.</p><p>Sie soll im März wieder öffnen.</p></section>',
          },
        ],
      }),
    )
    expect(story).toMatchObject({
      headline: 'Brücke wird gesperrt',
      standfirst: 'Fähren fahren alle 20 Minuten.',
      byline: [{ name: 'Christian Hollmann', role: 'dpa' }],
      dateline: 'Hamburg',
    })
    expect(story.bodyHtml).toBe(
      '<section><p>Die Brücke wird ab Montag gesperrt.</p><p>Sie soll im März wieder öffnen.</p></section>',
    )
  })

  it('takes a text item’s description as its standfirst (NTB’s example)', (context) => {
    const file = join(EXAMPLES, '2.2', 'agency_ntb_text.json')
    if (!existsSync(file)) context.skip(NO_EXAMPLES)
    const story = parseNinjs(readFileSync(file, 'utf8'))
    expect(story.headline).toBe('Google har kjøpt giganttomt i Skien')
    expect(story.standfirst).toBe(
      'IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien i tilfelle det blir behov for flere datasentre i Europa.',
    )
  })

  it('keeps a body that opens with the story itself whole', () => {
    const story = parseNinjs(
      JSON.stringify({
        uri: 'urn:x',
        headlines: [{ role: 'main', value: 'Bridge closes' }],
        body_html: '<p>The bridge closes on Monday.</p><p>Ferries run instead.</p>',
      }),
    )
    expect(story.bodyHtml).toBe('<p>The bridge closes on Monday.</p><p>Ferries run instead.</p>')
  })

  it('reads a 1.x item: pattern properties, body_xhtml, subject, and guid for uri', () => {
    const story = parseNinjs(
      JSON.stringify({
        guid: 'urn:superdesk:2026:bridge',
        headline_main: 'Bridge closes',
        body_xhtml: '<p>The bridge closes on Monday.</p>',
        subject: [{ name: 'transport', code: '04000000' }],
      }),
    )
    expect(story).toMatchObject({
      headline: 'Bridge closes',
      bodyHtml: '<p>The bridge closes on Monday.</p>',
      keywords: ['transport'],
    })
    expect(parseNinjs(JSON.stringify({ uri: 'urn:x', body_main: 'One.\n\nTwo.' })).bodyHtml).toBe(
      '<p>One.</p><p>Two.</p>',
    )
    expect(() => parseNinjs(JSON.stringify({ headline: 'No id' }))).toThrow(/has no uri/)
  })
})
