import { describe, expect, it } from 'vitest'
import { parseWebPage, WebPageImportError } from './web-page'

const paragraphs = (count: number, about: string) =>
  Array.from(
    { length: count },
    (_, index) =>
      `<p>Paragraph ${index + 1} about ${about}: the council heard from residents, engineers and the ferry operator, who all had something to say about the timetable and the cost of the works.</p>`,
  ).join('')

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`

describe('parseWebPage', () => {
  it('takes a news page’s fields from its JSON-LD, and says nothing twice', () => {
    const story = parseWebPage(
      page(
        `<title>Harbour bridge to close | The Herald</title>
        <meta property="og:site_name" content="The Herald">
        <link rel="preload" as="fetch" href="/page-data.json">
        <script type="application/ld+json">${JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Harbour bridge to close for repairs',
          description: 'Ferries will run every 20 minutes instead.',
          author: [
            { '@type': 'Person', name: 'Ana Lee' },
            { '@type': 'Person', name: 'Sam Roe' },
          ],
          articleSection: 'Transport',
          dateline: 'PORT ELLEN',
          keywords: ['harbour', 'ferries'],
        })}</script>`,
        `<nav><a href="/">Home</a></nav>
        <article>
          <h1>Harbour bridge to close</h1>
          <p class="byline">By Ana Lee and Sam Roe</p>
          <div class="share-bar"><a href="#">Share on Facebook</a></div>
          ${paragraphs(3, 'the bridge')}
          <figure><img src="bridge.jpg" alt="The bridge at dawn"><figcaption>The bridge before work began. <span class="credit">Jo Smith/Herald</span></figcaption></figure>
          <div class="ad-slot">BUY NOW</div>
          ${paragraphs(3, 'the ferries')}
        </article>
        <footer>© The Herald</footer>`,
      ),
    )
    expect(story).toMatchObject({
      headline: 'Harbour bridge to close for repairs',
      standfirst: 'Ferries will run every 20 minutes instead.',
      byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe' }],
      section: 'Transport',
      dateline: 'PORT ELLEN',
      keywords: ['harbour', 'ferries'],
      pictures: [
        {
          caption: 'The bridge before work began.',
          credit: 'Jo Smith/Herald',
          alt: 'The bridge at dawn',
          path: 'bridge.jpg',
        },
      ],
    })
    expect(story.bodyHtml).toContain('Paragraph 3 about the ferries')
    expect(story.bodyHtml).toContain('<figure data-picture="0"></figure>')
    expect(story.bodyHtml).not.toMatch(/Harbour bridge to close|By Ana Lee|Share|BUY NOW|Home|©/)
  })

  it('leaves the site’s name off a page title, and reads a French byline', () => {
    const story = parseWebPage(
      page(
        `<title>Le pont ferme pour travaux - Le Quotidien</title>
        <meta property="og:site_name" content="Le Quotidien">`,
        `<article><p class="author">Par Sébastien Farcis</p>${paragraphs(4, 'le pont')}</article>`,
      ),
    )
    expect(story.headline).toBe('Le pont ferme pour travaux')
    expect(story.byline).toEqual([{ name: 'Sébastien Farcis' }])
  })

  it('takes no standfirst from a description that is only the body’s opening, cut short', () => {
    const story = parseWebPage(
      page(
        `<title>Bridge</title><meta name="description" content="Paragraph 1 about the bridge: the council heard from residents, engineers…">`,
        `<article>${paragraphs(4, 'the bridge')}</article>`,
      ),
    )
    expect(story.standfirst).toBe('')
    expect(story.bodyHtml).toContain('Paragraph 1 about the bridge')
  })

  it('refuses a page nested deeper than any real one, quickly', () => {
    const deep = page('', `${'<div>'.repeat(5_000)}x`)
    expect(() => parseWebPage(deep)).toThrow(WebPageImportError)
    expect(() => parseWebPage(deep)).toThrow(/nested too deeply/)
  })
})
