import { describe, expect, it } from 'vitest'
import { parseNitf } from './nitf'

const nitf = (head: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><nitf><body><body.head>${head}</body.head><body.content>${body}</body.content></body></nitf>`

describe('parseNitf, as agencies write it', () => {
  it('decodes character references in text and attributes', () => {
    const story = parseNitf(
      nitf(
        '<hedline><hl1>Bank loses &#163;66BN</hl1></hedline>',
        '<p>Bl&#xE5;b&#230;r &amp; co, 5&#160;%, &amp;#163; stays written out.</p>',
      ),
    )
    expect(story.headline).toBe('Bank loses £66BN')
    expect(story.bodyHtml).toBe('<p>Blåbær &amp; co, 5\u00a0%, &amp;#163; stays written out.</p>')
  })

  it('reads byttl as the role, not as part of the name', () => {
    const story = parseNitf(
      nitf(
        '<hedline><hl1>Markets</hl1></hedline><byline>By <person>Jane Doe</person>, <byttl>AP Business Writer</byttl></byline>',
        '<p>Shares rose.</p>',
      ),
    )
    expect(story.byline).toEqual([{ name: 'Jane Doe', role: 'AP Business Writer' }])
  })

  it('takes "By NAME, ROLE" for one person, and still reads two', () => {
    const one = parseNitf(nitf('<byline>By Jane Doe, Senior Correspondent</byline>', '<p>x</p>'))
    expect(one.byline).toEqual([{ name: 'Jane Doe', role: 'Senior Correspondent' }])
    const two = parseNitf(nitf('<byline>By Ana Lee and Sam Roe</byline>', '<p>x</p>'))
    expect(two.byline).toEqual([{ name: 'Ana Lee' }, { name: 'Sam Roe' }])
  })
})
