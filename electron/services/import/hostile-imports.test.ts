import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx'
import { Window } from 'happy-dom'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, TiptapNode } from '../../../shared/article'
import { exported } from '../../../shared/export/test-support'
import type { Result } from '../../../shared/result'
import { executableParts, type HtmlParser } from '../../../shared/security/executable-parts'
import { XSS_PAYLOADS } from '../../../shared/security/xss-payloads'
import type { ImportOutcome } from './importer'
import type { NodeServices } from '../platform/node-services'
import { createTempServices, makeTempDir } from '../testing/test-support'

const SLOW = { timeout: 120_000 }
const page = new Window()
// happy-dom implements the browser's DOM; its classes are typed on their own.
const parser = new page.DOMParser() as unknown as HtmlParser

let temp: ReturnType<typeof makeTempDir>
let services: NodeServices
let incoming: string

beforeAll(async () => {
  temp = makeTempDir()
  services = createTempServices(temp.path)
  incoming = join(temp.path, 'incoming')
  mkdirSync(incoming)
})
afterAll(async () => {
  await services.importer.close()
  await temp.remove()
})

async function importFile(fileName: string, content: string | Uint8Array) {
  const path = join(incoming, fileName)
  writeFileSync(path, content)
  return services.importer.importFile(path)
}

/** Links and images in a body that are not http(s)/mailto links or the article's own assets. */
function unsafeBodyParts(node: TiptapNode): string[] {
  const found: string[] = []
  for (const mark of node.marks ?? []) {
    const href = String(mark.attrs?.href ?? '')
    if (mark.type === 'link' && !/^(https?:|mailto:)/i.test(href)) found.push(`link ${href}`)
  }
  // No src at all is a figure awaiting its picture: nothing is loaded.
  const src = node.attrs?.src
  if (src && !/^assets\/[\w.-]+$/.test(String(src))) found.push(`src ${String(src)}`)
  return [...found, ...(node.content ?? []).flatMap(unsafeBodyParts)]
}

/** A hostile file either becomes a clean article or is refused as a file; it never throws. */
function expectDefused(result: Result<ImportOutcome>) {
  if (!result.ok) {
    expect(result.error.kind).toBe('invalid-file')
    return
  }
  const article: Article = result.value.article
  expect(unsafeBodyParts(article.body)).toEqual([])
  expect(executableParts(exported(article, 'html').content, parser)).toEqual([])
}

/** A payload as well-formed XML, so that the NITF reader gets past well-formedness. */
function asXml(html: string): string {
  const container = page.document.createElement('div')
  container.innerHTML = html
  return Array.from(container.childNodes)
    .map((node) => new page.XMLSerializer().serializeToString(node))
    .join('')
}

const WRAPPERS: Record<string, (payload: string) => string> = {
  'page.html': (payload) =>
    `<!doctype html><html><head><title>Payload</title></head><body><article><h1>Payload</h1><p>Before</p>${payload}<p>After</p></article></body></html>`,
  'story.md': (payload) => `# Payload\n\nBefore\n\n${payload}\n\n[link](javascript:alert(1))\n`,
  'item.json': (payload) =>
    JSON.stringify({
      uri: 'urn:example:payload',
      type: 'text',
      headlines: [{ role: 'main', value: payload }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: `<p>Before</p>${payload}` }],
    }),
  'wire.xml': (payload) =>
    `<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>Payload</title></head><body><body.head><hedline><hl1>Payload</hl1></hedline></body.head><body.content><p>Before</p>${asXml(payload)}</body.content></body></nitf>`,
}

describe('hostile content in every importer', SLOW, () => {
  for (const [fileName, wrap] of Object.entries(WRAPPERS)) {
    it(`${fileName}: none of the ${XSS_PAYLOADS.length} payloads survives in a form that runs`, async () => {
      let imported = 0
      for (const payload of XSS_PAYLOADS) {
        const result = await importFile(fileName, wrap(payload))
        expectDefused(result)
        if (result.ok) imported++
      }
      // The checks ran on real articles: the payloads were read, not merely refused.
      expect(imported).toBeGreaterThanOrEqual(XSS_PAYLOADS.length - 2)
    })
  }

  it('plain text: every payload stays text', async () => {
    const result = await importFile('copy.txt', `Payloads\n\n${XSS_PAYLOADS.join('\n\n')}\n`)
    expectDefused(result)
    expect(result.ok && exported(result.value.article, 'txt').content).toContain('<script>')
  })

  it('Word: payloads as text and as link targets', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            ...XSS_PAYLOADS.map((payload) => new Paragraph({ children: [new TextRun(payload)] })),
            ...[
              'javascript:alert(1)',
              'vbscript:msgbox(1)',
              'data:text/html,<script>x</script>',
            ].map(
              (link) =>
                new Paragraph({
                  children: [new ExternalHyperlink({ link, children: [new TextRun('click')] })],
                }),
            ),
          ],
        },
      ],
    })
    expectDefused(await importFile('payloads.docx', await Packer.toBuffer(document)))
  })
})
