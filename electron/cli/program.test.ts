import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../services/testing/test-support'
import { runCli } from './program'

let temp: ReturnType<typeof makeTempDir>
let library: string

beforeEach(() => {
  temp = makeTempDir()
  library = join(temp.path, 'library')
})
afterEach(() => temp.remove())

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { COPYDESK_CONFIG_DIR: join(temp.path, 'config') },
  })
  return { code, stdout, stderr }
}

describe('copydesk CLI', () => {
  it('creates an article and prints its JSON with the folder', async () => {
    const result = await cli(
      'new',
      '--headline',
      'Port strike ends',
      '--standfirst',
      'Ships move again.',
      '--byline',
      'Ana Lee, Sam Roe (Additional reporting)',
      '--library',
      library,
      '--json',
    )
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const article = JSON.parse(result.stdout)
    expect(article).toMatchObject({
      headline: 'Port strike ends',
      standfirst: 'Ships move again.',
      byline: [{ name: 'Ana Lee' }, { name: 'Sam Roe', role: 'Additional reporting' }],
      revision: 1,
      folder: join(library, `port-strike-ends-${article.id.slice(0, 8)}`),
    })
    expect(JSON.parse(readFileSync(join(article.folder, 'article.json'), 'utf8')).id).toBe(
      article.id,
    )
  })

  it('lists articles and damaged files', async () => {
    const created = JSON.parse(
      (await cli('new', '--headline', 'One', '--library', library, '--json')).stdout,
    )
    const broken = JSON.parse(
      (await cli('new', '--headline', 'Two', '--library', library, '--json')).stdout,
    )
    writeFileSync(join(broken.folder, 'article.json'), 'garbage')
    const json = await cli('list', '--library', library, '--json')
    expect(JSON.parse(json.stdout)).toMatchObject({
      articles: [{ id: created.id, headline: 'One' }],
      damaged: [
        { folder: `two-${broken.id.slice(0, 8)}`, reason: expect.stringMatching(/not valid JSON/) },
      ],
    })
    const text = await cli('list', '--library', library)
    expect(text.stdout).toMatch(new RegExp(`${created.id.slice(0, 8)}\\s+draft .* One`))
    expect(text.stdout).toMatch(
      /DAMAGED\s+article\.json in folder two-[0-9a-f]{8} is not valid JSON/,
    )
  })

  it('searches the library with filters, as text or JSON', async () => {
    const make = async (...args: string[]) =>
      JSON.parse((await cli('new', ...args, '--library', library, '--json')).stdout) as {
        id: string
      }
    const ferry = await make('--headline', 'Harbour ferry returns', '--byline', 'Ana Lee')
    const budget = await make('--headline', 'Harbour budget passes', '--byline', 'Sam Roe')
    await make('--headline', 'Hospital wing opens')

    const json = await cli('search', 'harb', '--library', library, '--json')
    expect(json.code).toBe(0)
    const results = JSON.parse(json.stdout) as {
      total: number
      hits: { article: { id: string } }[]
    }
    expect(results.total).toBe(2)
    expect(results.hits.map((hit) => hit.article.id).sort()).toEqual([ferry.id, budget.id].sort())

    const byRoe = await cli('search', 'harbour', '--byline', 'roe', '--library', library)
    expect(byRoe.stdout).toMatch(/^1 of 3 articles match "harbour"/)
    expect(byRoe.stdout).toContain(`${budget.id.slice(0, 8)}  draft`)
    expect(byRoe.stdout).toContain('*Harbour* budget passes')

    const none = await cli('search', 'harbour', '--status', 'published', '--library', library)
    expect(none.stdout).toMatch(/^0 of 3 articles/)
    const badDate = await cli('search', 'x', '--from', 'yesterday', '--library', library)
    expect(badDate.code).not.toBe(0)
    expect(badDate.stderr).toMatch(/--from.*YYYY-MM-DD/)
  })

  it('shows an article by id prefix, and exports it', async () => {
    const { id } = JSON.parse(
      (
        await cli(
          'new',
          '--headline',
          'Rates rise',
          '--standfirst',
          'By 4%.',
          '--byline',
          'Ana Lee',
          '--library',
          library,
          '--json',
        )
      ).stdout,
    )
    const shown = await cli('show', id.slice(0, 8), '--library', library)
    expect(shown.stdout).toContain(`Id:       ${id}`)
    expect(shown.stdout).toContain('Rates rise\n\nBy 4%.')

    const out = join(temp.path, 'exports', 'rates.md')
    const exported = await cli('export', id, '--format', 'md', '--out', out, '--library', library)
    expect(exported.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('# Rates rise')
    const stdout = await cli('export', id, '--format', 'txt', '--out', '-', '--library', library)
    expect(stdout.stdout).toBe('Rates rise\n\nBy 4%.\n\nBy Ana Lee\n')
    expect(stdout.stderr).toContain('Preflight for "Rates rise": 0 blocking, 1 warning')
  })

  it('refuses an export with blocking problems unless forced, and exports by status', async () => {
    const { id } = JSON.parse(
      (await cli('new', '--headline', 'TK to come', '--library', library, '--json')).stdout,
    )
    const refused = await cli('export', id, '--format', 'txt', '--out', '-', '--library', library)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/BLOCKING +The story has no byline\./)
    expect(refused.stderr).toMatch(/BLOCKING +"TK" is still in the headline/)
    expect(refused.stdout).toBe('')
    const forced = await cli(
      'export',
      id,
      '--format',
      'txt',
      '--out',
      '-',
      '--force',
      '--library',
      library,
    )
    expect(forced.stdout).toBe('TK to come\n')

    await cli('new', '--headline', 'Ready one', '--byline', 'Sam Roe', '--library', library)
    const folder = join(temp.path, 'batch')
    const batch = await cli(
      'export',
      '--status',
      'draft',
      '--format',
      'ninjs',
      '--out',
      folder,
      '--library',
      library,
    )
    expect(batch.code).not.toBe(0)
    expect(batch.stderr).toContain('Skipped "TK to come"')
    expect(JSON.parse(readFileSync(join(folder, 'ready-one.ninjs.json'), 'utf8'))).toMatchObject({
      headlines: [{ role: 'main', value: 'Ready one' }],
      by: 'Sam Roe',
    })

    // Two stories with one slug: each keeps its own file, and the count says so.
    await cli('new', '--headline', 'Ready one', '--byline', 'Ana Lee', '--library', library)
    const again = await cli(
      'export',
      '--status',
      'draft',
      '--format',
      'ninjs',
      '--out',
      folder,
      '--force',
      '--library',
      library,
    )
    expect(again.stderr).toContain(`Wrote 3 of 3 draft articles to ${folder}.`)
    const files = readdirSync(folder).filter((name) => name.startsWith('ready-one'))
    expect(files.sort()).toEqual(
      expect.arrayContaining([
        'ready-one.ninjs.json',
        expect.stringMatching(/^ready-one-[0-9a-f]{8}\.ninjs\.json$/),
      ]),
    )
    expect(files).toHaveLength(2)
    const bylines = files.map(
      (name) => (JSON.parse(readFileSync(join(folder, name), 'utf8')) as { by: string }).by,
    )
    expect(bylines.sort()).toEqual(['Ana Lee', 'Sam Roe'])
  })

  it('fails with one clear line and a non-zero code', async () => {
    const cases = [
      [
        ['show', 'no-such-article', '--library', library],
        1,
        /^copydesk: No article matches "no-such-article"/,
      ],
      [
        ['export', 'x', '--format', 'pdf', '--out', '-'],
        2,
        /^error: option '--format <format>' argument 'pdf' is invalid/,
      ],
      [
        ['new', '--library', library],
        2,
        /^error: required option '--headline <text>' not specified/,
      ],
      [['frobnicate'], 2, /^error: unknown command 'frobnicate'/],
    ] as const
    for (const [argv, code, message] of cases) {
      const result = await cli(...argv)
      expect(result.code, argv.join(' ')).toBe(code)
      expect(result.stderr).toMatch(message)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('refuses to show a damaged article, naming the reason', async () => {
    const { id, folder } = JSON.parse(
      (await cli('new', '--headline', 'Broken', '--library', library, '--json')).stdout,
    )
    writeFileSync(join(folder, 'article.json'), '{"schemaVersion": 7}')
    const result = await cli('show', id, '--library', library)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^copydesk: article\.json in folder broken-[0-9a-f]{8} was written by a newer Copydesk/,
    )
  })
})
