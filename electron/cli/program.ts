import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { resolve } from 'node:path'
import packageJson from '../../package.json'
import { ARTICLE_STATUSES, parseBylineText, type ArticleStatus } from '../../shared/article'
import { EXPORT_FORMATS } from '../../shared/export/formats'
import type { Result } from '../../shared/result'
import { SearchQuerySchema } from '../../shared/search/search-query'
import { describeZodError } from '../../shared/validation/describe-zod-error'
import { findArticleId } from '../services/library/article-reference'
import { createNodeServices, type NodeServices } from '../services/platform/node-services'
import { CliError, type CliIo } from './cli-io'
import { addDeskServerCommands } from './desk-server-command'
import { parsePort } from './option-parsers'
import {
  exportByStatus,
  exportChoices,
  formatPreflight,
  writeExported,
  type ExportOptions,
} from './export-command'
import { formatArticle, formatListing, formatSearchResults } from './format'
import { serve } from './serve'
import { launchDesktop } from './start-desktop'

interface LibraryOption {
  library?: string
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new CliError(result.error.message)
}

function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a day is written YYYY-MM-DD, for example 2026-11-29.')
  return value
}

function parseLimit(value: string): number {
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new InvalidArgumentError('a limit is a whole number from 1 to 500.')
  return limit
}

interface SearchOptions extends LibraryOption {
  status?: ArticleStatus[]
  byline?: string
  section?: string
  from?: string
  to?: string
  sort: 'relevance' | 'updated'
  limit: number
  json?: boolean
}

const libraryOption = () =>
  new Option(
    '--library <dir>',
    'the library folder (default: $COPYDESK_LIBRARY, the saved setting, or ~/Documents/Copydesk)',
  )

export function createProgram(io: CliIo): Command {
  /**
   * The services for one one-off command, closed once it has answered or failed: their worker
   * threads would otherwise keep the process running after the command is done.
   */
  const withServices = async <T>(
    options: LibraryOption,
    command: (services: NodeServices) => Promise<T>,
  ): Promise<T> => {
    const services = createNodeServices({ libraryFlag: options.library, env: io.env })
    try {
      return await command(services)
    } finally {
      // A one-off command's few index updates are replayed from the journal at the next start.
      await services.close({ writeIndex: false })
    }
  }
  const hostServices = (options: LibraryOption) =>
    createNodeServices({ libraryFlag: options.library, env: io.env, catalogInWorker: true })
  const print = (value: unknown, json: boolean | undefined, text: () => string) =>
    io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : text())

  const program = new Command('copydesk')
    .description('Copydesk: the newsroom editor. Articles live as folders in a library on disk.')
    .version(packageJson.version)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError()

  program
    .command('new')
    .description('create an article and print it')
    .requiredOption('--headline <text>', 'the headline')
    .option('--standfirst <text>', 'the standfirst')
    .option('--byline <names>', 'byline: "Ana Lee, Sam Roe (Additional reporting)"')
    .addOption(libraryOption())
    .option('--json', 'print the article as JSON, with its folder')
    .action(
      async (
        options: LibraryOption & {
          headline: string
          standfirst?: string
          byline?: string
          json?: boolean
        },
      ) =>
        withServices(options, async ({ library }) => {
          const article = unwrap(
            await library.create({
              headline: options.headline,
              ...(options.standfirst !== undefined && { standfirst: options.standfirst }),
              ...(options.byline !== undefined && { byline: parseBylineText(options.byline) }),
            }),
          )
          const folder = unwrap(await library.folderOf(article.id))
          print(
            { ...article, folder },
            options.json,
            () => `Created "${article.headline}"\n${formatArticle(article, folder)}`,
          )
        }),
    )

  program
    .command('list')
    .description('list the articles in the library, damaged ones included')
    .addOption(libraryOption())
    .option('--json', 'print JSON')
    .action((options: LibraryOption & { json?: boolean }) =>
      withServices(options, async ({ catalog }) => {
        const listing = unwrap(await catalog.list())
        print(listing, options.json, () => formatListing(listing))
      }),
    )

  program
    .command('search')
    .description(
      'full-text search over headlines, standfirsts, bylines, bodies, captions and keywords',
    )
    .argument('[query...]', 'words to find; the last may be the start of a word')
    .addOption(
      new Option('--status <status...>', 'only articles in these states').choices(ARTICLE_STATUSES),
    )
    .option('--byline <name>', 'only articles with this name (or part of it) in the byline')
    .option('--section <section>', 'only articles in this section')
    .option('--from <day>', 'updated on or after this day (YYYY-MM-DD)', parseDay)
    .option('--to <day>', 'updated on or before this day (YYYY-MM-DD)', parseDay)
    .addOption(
      new Option('--sort <order>', 'order of the results')
        .choices(['relevance', 'updated'])
        .default('relevance'),
    )
    .option('--limit <n>', 'how many results to show', parseLimit, 20)
    .addOption(libraryOption())
    .option('--json', 'print the results as JSON')
    .action(async (words: string[], options: SearchOptions) => {
      const text = words.join(' ')
      const query = SearchQuerySchema.safeParse({
        text,
        status: options.status,
        byline: options.byline,
        section: options.section,
        updatedFrom: options.from,
        updatedTo: options.to,
        sort: options.sort,
        limit: options.limit,
      })
      if (!query.success) throw new CliError(describeZodError(query.error))
      const results = await withServices(options, ({ catalog }) => catalog.search(query.data))
      print(results, options.json, () => formatSearchResults(results, text, io.color))
    })

  program
    .command('show')
    .description('print one article (ID may be the full id, its first 8 characters, or the slug)')
    .argument('<id>', 'article id, id prefix or slug')
    .addOption(libraryOption())
    .option('--json', 'print JSON')
    .action((reference: string, options: LibraryOption & { json?: boolean }) =>
      withServices(options, async ({ library, catalog }) => {
        const id = unwrap(findArticleId(unwrap(await catalog.list()), reference))
        const article = unwrap(await library.open(id))
        const folder = unwrap(await library.folderOf(id))
        print({ ...article, folder }, options.json, () => formatArticle(article, folder))
      }),
    )

  program
    .command('export')
    .description(
      'export an article after its preflight checklist; or, with --status, every article in that state',
    )
    .argument('[id]', 'article id, id prefix or slug')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--out <path>',
      'file to write (- for standard output); with --status, the folder to write into',
    )
    .addOption(
      new Option('--status <status>', 'export every article in this state').choices(
        ARTICLE_STATUSES,
      ),
    )
    .option('--force', 'export despite blocking problems (never despite pending suggestions)')
    .option(
      '--with-changes',
      'docx only: pending suggestions as Word tracked changes, comments as Word comments',
    )
    .addOption(libraryOption())
    .action((reference: string | undefined, options: ExportOptions) =>
      withServices(options, async ({ library, catalog, exporter }) => {
        if (options.status) {
          if (reference) throw new CliError('Give an article or --status, not both.')
          return exportByStatus({ library, catalog, exporter }, options, io)
        }
        if (!reference) throw new CliError('Name the article to export, or use --status.')
        const id = unwrap(findArticleId(unwrap(await catalog.list()), reference))
        const article = unwrap(await library.open(id))
        io.stderr(formatPreflight(article, await exporter.preflight(article)))
        const file = unwrap(await exporter.export(article, options.format, exportChoices(options)))
        // "This file has no pictures…": said on stderr, so a file piped to stdout stays clean.
        for (const note of file.notes ?? []) io.stderr(`note: ${note}\n`)
        if (options.out === '-') {
          if (file.encoding === 'utf8') return io.stdout(file.content)
          throw new CliError(`${options.format} is binary: give a file with --out.`)
        }
        const out = await writeExported(resolve(options.out), file)
        io.stderr(`Exported "${article.headline}" as ${options.format} to ${out}\n`)
      }),
    )

  program
    .command('import')
    .description('make articles from files: Word, web pages, Markdown, text, ninjs or NITF')
    .argument('<files...>', 'files to import')
    .addOption(libraryOption())
    .option('--json', 'print the new articles as JSON')
    .action((files: string[], options: LibraryOption & { json?: boolean }) =>
      withServices(options, async ({ library, importer }) => {
        const imported: { id: string; headline: string; folder: string; notes: string[] }[] = []
        const failures: string[] = []
        for (const file of files) {
          const result = await importer.importFile(file)
          if (!result.ok) {
            failures.push(result.error.message)
            continue
          }
          const { article, notes } = result.value
          const folder = unwrap(await library.folderOf(article.id))
          imported.push({ id: article.id, headline: article.headline, folder, notes })
        }
        print({ imported, failures }, options.json, () =>
          imported
            .map(
              ({ id, headline, folder, notes }) =>
                `${id}  ${headline}\n  ${folder}\n${notes.map((note) => `  note: ${note}\n`).join('')}`,
            )
            .join(''),
        )
        for (const failure of failures) io.stderr(`${failure}\n`)
        if (failures.length) {
          throw new CliError(`${failures.length} of ${files.length} files were not imported.`)
        }
      }),
    )

  program
    .command('serve')
    .description(
      'run the browser host: the app over http://127.0.0.1, for machines without Electron',
    )
    .addOption(libraryOption())
    .option('--port <n>', 'port to listen on (default: any free port)', parsePort)
    .action(async (options: LibraryOption & { port?: number }) => {
      await serve(hostServices(options), io, options.port)
    })

  program
    .command('start')
    .description('start the desktop app, or the browser host where Electron cannot run')
    .addOption(libraryOption())
    .option('--port <n>', 'port for the browser host fallback', parsePort)
    .action(async (options: LibraryOption & { port?: number }) => {
      const launch = await launchDesktop(
        options.library ? ['--library', resolve(options.library)] : [],
      )
      if (launch.started) {
        process.exitCode = await launch.exitCode
        return
      }
      io.stderr(
        `Copydesk desktop cannot start here: ${launch.reason}. Starting the browser host instead.\n`,
      )
      await serve(hostServices(options), io, options.port)
    })

  addDeskServerCommands(program, io)

  return program
}

/** Runs the CLI; resolves to the exit code. Errors are one line on stderr, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help it was asked for).
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof CliError) {
      io.stderr(`copydesk: ${error.message}\n`)
      return error.exitCode
    }
    io.stderr(
      `copydesk: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 1
  }
}
