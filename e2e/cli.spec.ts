import { expect, test } from '@playwright/test'
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'

// Every one-off command of the built `copydesk` must end by itself once it has answered: a
// script that runs `copydesk import` must not hang. Each runs as a person or a script would
// run it, as its own process, and is killed only if it overstays.

const CLI = join(__dirname, '..', 'out', 'main', 'cli.js')

/**
 * Generous: CI is a loaded two-core machine, where the import reader's first start alone can
 * take about 5 s. A command that has answered and still runs after this is one that hangs.
 */
const EXIT_WITHIN_MS = 60_000

interface Finished {
  code: number | null
  stdout: string
  stderr: string
  /** False when the command was still running at EXIT_WITHIN_MS and had to be killed. */
  exitedByItself: boolean
}

let temp: string
let library: string

/** Runs the built CLI on this file's library and settings, with nothing on its standard input. */
function run(args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, COPYDESK_CONFIG_DIR: join(temp, 'config') }
    // The library is always the one named by --library: none from the surroundings.
    delete env.COPYDESK_LIBRARY
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    let killed = false
    const overstayed = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, EXIT_WITHIN_MS)
    child.once('error', (error) => {
      clearTimeout(overstayed)
      reject(error)
    })
    child.once('close', (code) => {
      clearTimeout(overstayed)
      resolve({ code, stdout, stderr, exitedByItself: !killed })
    })
  })
}

/** Runs a command and checks that it ended by itself, with the exit code given. */
async function copydesk(expectedCode: number, ...args: string[]): Promise<Finished> {
  const finished = await run(args)
  const command = `copydesk ${args.join(' ')}`
  const printed = `stdout:\n${finished.stdout}\nstderr:\n${finished.stderr}`
  expect(
    finished.exitedByItself,
    `${command} was still running ${EXIT_WITHIN_MS / 1000} s later and was killed; ${printed}`,
  ).toBe(true)
  expect(finished.code, `${command} exit code; ${printed}`).toBe(expectedCode)
  return finished
}

const withLibrary = (...args: string[]) => [...args, '--library', library]

const writeInTemp = (name: string, content: string) => {
  const path = join(temp, name)
  writeFileSync(path, content)
  return path
}

test.beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'copydesk-e2e-cli-'))
  library = join(temp, 'library')
})
test.afterAll(() => rmSync(temp, { recursive: true, force: true }))

// One library through the tests below, in order, as someone working at the command line would.
test.describe.configure({ mode: 'serial' })

test('--help, --version and a bad argument each exit by themselves', async () => {
  test.setTimeout(4 * EXIT_WITHIN_MS)
  const help = await copydesk(0, '--help')
  expect(help.stdout).toContain('Usage: copydesk')
  expect(help.stdout).toContain('import')

  const version = await copydesk(0, '--version')
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)

  const badLimit = await copydesk(2, ...withLibrary('search', 'port', '--limit', '0'))
  expect(badLimit.stderr).toContain('a limit is a whole number from 1 to 500.')

  const unknown = await copydesk(2, 'frobnicate')
  expect(unknown.stderr).toContain("unknown command 'frobnicate'")
})

test('new, list, search, show and export each exit by themselves', async () => {
  test.setTimeout(8 * EXIT_WITHIN_MS)
  const created = JSON.parse(
    (
      await copydesk(
        0,
        ...withLibrary(
          'new',
          '--headline',
          'Harbour crane collapses',
          '--standfirst',
          'Nobody was hurt when the crane fell.',
          '--byline',
          'Ana Lee',
          '--json',
        ),
      )
    ).stdout,
  ) as { id: string; slug: string; folder: string }
  expect(created.folder.startsWith(library)).toBe(true)

  const plain = await copydesk(0, ...withLibrary('new', '--headline', 'Ferry timetable changes'))
  expect(plain.stdout).toContain('Created "Ferry timetable changes"')

  const listed = await copydesk(0, ...withLibrary('list'))
  expect(listed.stdout).toContain('Harbour crane collapses')
  expect(listed.stdout).toContain('Ferry timetable changes')

  const found = JSON.parse(
    (await copydesk(0, ...withLibrary('search', 'crane', '--json'))).stdout,
  ) as { hits: { article: { id: string } }[] }
  expect(found.hits.map((hit) => hit.article.id)).toEqual([created.id])

  const shown = await copydesk(0, ...withLibrary('show', created.id.slice(0, 8)))
  expect(shown.stdout).toContain('Harbour crane collapses')

  const toStdout = await copydesk(
    0,
    ...withLibrary('export', created.slug, '--format', 'md', '--out', '-'),
  )
  expect(toStdout.stdout).toContain('Harbour crane collapses')

  const file = join(temp, 'exported', 'crane.html')
  const toFile = await copydesk(
    0,
    ...withLibrary('export', created.id, '--format', 'html', '--out', file),
  )
  expect(toFile.stderr).toContain(`to ${file}`)
  expect(readFileSync(file, 'utf8')).toContain('Harbour crane collapses')
})

test('import of Markdown, plain text and a web page exits by itself, with and without --json', async () => {
  test.setTimeout(7 * EXIT_WITHIN_MS)
  const stories = {
    md: (headline: string) => `# ${headline}\n\nThe council met on Tuesday.\n`,
    txt: (headline: string) => `${headline}\n\nThe council met on Tuesday.\n`,
    html: (headline: string) =>
      `<!doctype html><html><head><title>${headline}</title></head><body><article><h1>${headline}</h1><p>The council met on Tuesday.</p></article></body></html>`,
  }
  const headlines: string[] = []

  // Each format on its own, as text: one import reader started and left idle per command.
  for (const [format, story] of Object.entries(stories)) {
    const headline = `Council story from ${format}`
    const imported = await copydesk(
      0,
      ...withLibrary('import', writeInTemp(`story.${format}`, story(headline))),
    )
    expect(imported.stdout).toContain(headline)
    headlines.push(headline)
  }

  // All three in one command, as JSON: the reader is reused between files, then must stop.
  const asJson = Object.entries(stories).map(([format, story]) => ({
    headline: `Council story from ${format} as JSON`,
    path: writeInTemp(`story-json.${format}`, story(`Council story from ${format} as JSON`)),
  }))
  const answer = JSON.parse(
    (await copydesk(0, ...withLibrary('import', ...asJson.map(({ path }) => path), '--json')))
      .stdout,
  ) as { imported: { headline: string }[]; failures: string[] }
  expect(answer.imported.map((article) => article.headline)).toEqual(
    asJson.map(({ headline }) => headline),
  )
  expect(answer.failures).toEqual([])
  headlines.push(...asJson.map(({ headline }) => headline))

  // A command that fails after the reader has started must stop it all the same.
  const good = writeInTemp('good.txt', stories.txt('Council story beside an empty file'))
  const empty = writeInTemp('empty.md', '')
  const mixed = await copydesk(1, ...withLibrary('import', good, empty))
  expect(mixed.stdout).toContain('Council story beside an empty file')
  expect(mixed.stderr).toContain('empty.md is empty')
  expect(mixed.stderr).toContain('1 of 2 files were not imported.')
  headlines.push('Council story beside an empty file')

  const listed = JSON.parse((await copydesk(0, ...withLibrary('list', '--json'))).stdout) as {
    articles: { headline: string }[]
  }
  expect(listed.articles.map((article) => article.headline)).toEqual(
    expect.arrayContaining(headlines),
  )
})

test('a Word file with tracked changes goes out with --with-changes and comes back the same', async () => {
  test.setTimeout(6 * EXIT_WITHIN_MS)
  const editor = { author: 'Sam Sub', date: '2026-11-30T09:15:00Z' }
  const freelance = join(temp, 'freelance.docx')
  writeFileSync(
    freelance,
    await Packer.toBuffer(
      new Document({
        comments: {
          children: [{ id: 0, author: 'Sam Sub', children: [new Paragraph('Which meeting?')] }],
        },
        sections: [
          {
            children: [
              new Paragraph({ text: 'Bridge vote', heading: HeadingLevel.TITLE }),
              new Paragraph('By Rita Reporter'),
              new Paragraph({
                children: [
                  new TextRun('The council '),
                  new CommentRangeStart(0),
                  new TextRun('approved the plan'),
                  new CommentRangeEnd(0),
                  new TextRun({ children: [new CommentReference(0)] }),
                  new TextRun(' '),
                  new DeletedTextRun({ id: 1, ...editor, text: 'yesterday' }),
                  new InsertedTextRun({ id: 2, ...editor, text: 'on Tuesday' }),
                  new TextRun('. Work on the bridge starts in March, the council said.'),
                ],
              }),
            ],
          },
        ],
      }),
    ),
  )
  type Imported = { imported: { id: string }[] }
  type Shown = { suggestions: { author: string }[]; comments: { text: string }[] }
  const importedId = async (path: string) =>
    (JSON.parse((await copydesk(0, ...withLibrary('import', path, '--json'))).stdout) as Imported)
      .imported[0]?.id ?? ''
  const shown = async (id: string) =>
    JSON.parse((await copydesk(0, ...withLibrary('show', id, '--json'))).stdout) as Shown

  const id = await importedId(freelance)
  const first = await shown(id)
  // Word's replacement (a deletion and an insertion by one person at one time) is one suggestion.
  expect(first.suggestions.map(({ author }) => author)).toEqual(['Sam Sub'])
  expect(first.comments.map(({ text }) => text)).toEqual(['Which meeting?'])

  const out = join(temp, 'back-to-freelance.docx')
  const refused = await copydesk(1, ...withLibrary('export', id, '--format', 'docx', '--out', out))
  expect(refused.stderr).toMatch(/1 suggestion is waiting/)
  await copydesk(
    0,
    ...withLibrary('export', id, '--format', 'docx', '--out', out, '--with-changes'),
  )
  const again = await shown(await importedId(out))
  expect(again.suggestions).toEqual(
    first.suggestions.map(({ author }) => expect.objectContaining({ author })),
  )
  expect(again.comments.map(({ text }) => text)).toEqual(['Which meeting?'])
})

/** Starts `copydesk serve` and gives the address it prints, what it printed, and how to stop it. */
async function startServe(...args: string[]) {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], {
    env: { ...process.env, COPYDESK_CONFIG_DIR: join(temp, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      printed += text
      const match = /Listening on (\S+)/.exec(printed)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`copydesk serve exited with ${code}`)))
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return { url, stop, printed: () => printed }
}

test('serve comes back on the same address and token for the same library', async () => {
  const first = await startServe(...withLibrary())
  await first.stop()
  const second = await startServe(...withLibrary())
  await second.stop()
  expect(second.url).toBe(first.url)
})

test('serve removes the temp files a killed process left in the library', async () => {
  const folder = readdirSync(library).find((name) => !name.startsWith('.'))
  if (!folder) throw new Error('the library has no article to leave a temp file in')
  const stray = join(library, folder, 'article.json.copydesk-0123456789ab.tmp')
  writeFileSync(stray, '{"headline":"half a sav')
  const anHourAgo = new Date(Date.now() - 3_600_000)
  utimesSync(stray, anHourAgo, anHourAgo)

  const host = await startServe(...withLibrary())
  try {
    await expect.poll(host.printed).toContain('Removed 1 unfinished temp file(s)')
    expect(existsSync(stray)).toBe(false)
  } finally {
    await host.stop()
  }
})

test('serve on a port another program holds says so and exits', async () => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const { port } = blocker.address() as AddressInfo
  try {
    const refused = await copydesk(1, ...withLibrary('serve', '--port', String(port)))
    expect(refused.stderr).toContain(`Port ${port} is already in use by another program`)
  } finally {
    blocker.close()
  }
})

test('a command that neither exports nor runs the desk server loads neither', async () => {
  // Guards the lazy loading of docx, sharp, the XML and pattern checkers and the desk server:
  // together about half of every command's and host start's CPU time before it.
  const preload = writeInTemp(
    'report-loaded-modules.cjs',
    "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'))\n",
  )
  const child = spawn(
    process.execPath,
    ['--require', preload, CLI, ...withLibrary('list', '--json')],
    {
      env: { ...process.env, COPYDESK_CONFIG_DIR: join(temp, 'config') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  expect(code, stderr).toBe(0)
  const loaded = JSON.parse(/^LOADED (.*)$/m.exec(stderr)?.[1] ?? '[]') as string[]
  expect(loaded.length).toBeGreaterThan(0)
  const heavy = loaded.filter((path) =>
    /node_modules[\\/](docx|sharp|xmlbuilder2|recheck|@hocuspocus|@tiptap[\\/]y-tiptap)[\\/]/.test(
      path,
    ),
  )
  expect(heavy).toEqual([])
})
