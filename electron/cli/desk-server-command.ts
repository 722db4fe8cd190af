import { Option, type Command } from 'commander'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DESK_ROLES, type DeskRole } from '../../shared/desk/desk-roles'
import { DeskRecordsError } from '../services/desk/desk-records'
import type { DeskStorage, DeskStorageAddress } from '../services/desk/desk-storage'
import { CliError, type CliIo } from './cli-io'
import { parsePort } from './option-parsers'

interface StorageOptions {
  data?: string
  postgres?: string
}

const dataOption = () =>
  new Option(
    '--data <dir>',
    'the desk’s data folder: stories, people, status changes and pictures in SQLite (the default)',
  )

const postgresOption = () =>
  new Option(
    '--postgres <url>',
    'keep them in this PostgreSQL instead (postgres://user@host:5432/db), shared by desk servers on several machines',
  )

/**
 * The desk server's modules (Hocuspocus, Yjs, SQLite, PostgreSQL) load only for the desk
 * server's own commands: every other command and the browser host start without them.
 */
const deskServerModule = () => import('../services/desk/desk-server')
const deskStorageModule = () => import('../services/desk/desk-storage')

function storageAddress(options: StorageOptions): DeskStorageAddress {
  if (options.data !== undefined && options.postgres !== undefined)
    throw new CliError('Give --data or --postgres, not both: a desk keeps everything in one place.')
  if (options.postgres !== undefined) return { postgres: options.postgres }
  if (options.data !== undefined) return { dataDir: resolve(options.data) }
  throw new CliError(
    'Say where the desk keeps its stories: --data DIR (SQLite) or --postgres postgres://… (PostgreSQL).',
  )
}

const failure = (error: unknown) =>
  new CliError(error instanceof Error ? error.message : String(error))

/** Opens the desk's storage for one command, and closes it after, whatever happens. */
async function withStorage<T>(
  options: StorageOptions,
  command: (storage: DeskStorage) => T | Promise<T>,
): Promise<T> {
  const address = storageAddress(options)
  const { openDeskStorage } = await deskStorageModule()
  const storage = await openDeskStorage(address).catch((error: unknown) => {
    throw failure(error)
  })
  try {
    return await command(storage)
  } catch (error) {
    if (error instanceof DeskRecordsError) throw new CliError(error.message)
    throw error
  } finally {
    await storage.close()
  }
}

/** Resolves at the first SIGINT or SIGTERM: how a service manager or Ctrl+C stops the server. */
const stopSignal = () =>
  new Promise<NodeJS.Signals>((resolveSignal) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolveSignal(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })

/** `copydesk desk-server`: run the desk server, and add or remove the people who may use it. */
export function addDeskServerCommands(program: Command, io: CliIo): void {
  const desk = program
    .command('desk-server')
    .description(
      'run a desk server that shares stories live between people, or manage who may connect to it',
    )

  desk
    .command('run', { isDefault: true })
    .description('run the desk server (the default: `copydesk desk-server --data DIR`)')
    .addOption(dataOption())
    .addOption(postgresOption())
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port to listen on (0: any free one)', parsePort, 1234)
    .option(
      '--redis <url>',
      'share open stories live with other desk servers through this Redis (redis://host:port); give them the same storage',
    )
    .action(async (options: StorageOptions & { host: string; port: number; redis?: string }) => {
      const storage = storageAddress(options)
      const { startDeskServer } = await deskServerModule()
      const server = await startDeskServer({
        storage,
        host: options.host,
        port: options.port,
        ...(options.redis && { redis: options.redis }),
        log: (line) => io.stdout(`${line}\n`),
      }).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EADDRINUSE')
          throw new CliError(`Port ${options.port} is already in use: choose another with --port.`)
        throw failure(error)
      })
      const people = (await server.records.people()).length
      const where =
        'postgres' in storage ? `--postgres ${options.postgres}` : `--data ${options.data}`
      io.stdout(`Desk server listening on ${server.url}\n`)
      io.stdout(`Stories, people and status changes are kept in ${server.storagePlace}.\n`)
      if (options.redis)
        io.stdout(`Open stories are shared live with the other desk servers on ${options.redis}.\n`)
      io.stdout(
        people === 0
          ? `Nobody can connect yet. Add people with:\n  copydesk desk-server add-person "Name" --role reporter|editor|producer ${where}\n`
          : `${people} ${people === 1 ? 'person' : 'people'} may connect; add more with copydesk desk-server add-person.\n`,
      )
      io.stdout('Press Ctrl+C to stop.\n')
      const signal = await stopSignal()
      io.stdout(`${signal}: storing every open story…\n`)
      const { storedStories } = await server.stop()
      io.stdout(
        `Stored ${storedStories} open ${storedStories === 1 ? 'story' : 'stories'}. Stopped.\n`,
      )
    })

  desk
    .command('add-person')
    .description('let a person connect to the desk, and print their token (shown only once)')
    .argument('<name>', 'the name others see beside their caret')
    .addOption(
      new Option('--role <role>', 'reporter, editor or producer')
        .choices(DESK_ROLES)
        .makeOptionMandatory(),
    )
    .addOption(dataOption())
    .addOption(postgresOption())
    .action(async (name: string, options: StorageOptions & { role: DeskRole }) => {
      const { person, token } = await withStorage(options, (storage) =>
        storage.records.addPerson(name, options.role),
      )
      io.stdout(`Added ${person.name} (${person.role}). Their token, shown only this once:\n`)
      io.stdout(`${token}\n`)
      io.stdout('They enter it in Copydesk under Settings › Desk, with this server’s address.\n')
    })

  desk
    .command('remove-person')
    .description('revoke a person’s token: they can no longer connect')
    .argument('<name>', 'their name as added')
    .addOption(dataOption())
    .addOption(postgresOption())
    .action(async (name: string, options: StorageOptions) => {
      const person = await withStorage(options, (storage) => storage.records.removePerson(name))
      io.stdout(`Removed ${person.name}: their token no longer connects.\n`)
    })

  desk
    .command('people')
    .description('list the people who may connect')
    .addOption(dataOption())
    .addOption(postgresOption())
    .option('--json', 'print JSON')
    .action(async (options: StorageOptions & { json?: boolean }) => {
      const people = await withStorage(options, (storage) => storage.records.people())
      io.stdout(
        options.json
          ? `${JSON.stringify(people, null, 2)}\n`
          : people.map((person) => `${person.name}\t${person.role}\n`).join('') ||
              'Nobody yet: add people with copydesk desk-server add-person.\n',
      )
    })

  desk
    .command('backup')
    .description('copy the desk’s stories, people and status changes to one file, while it runs')
    .addOption(dataOption().makeOptionMandatory())
    .requiredOption('--to <file>', 'the backup file to write (it must not exist yet)')
    .action(async (options: StorageOptions & { to: string }) => {
      const target = resolve(options.to)
      if (existsSync(target))
        throw new CliError(`${target} already exists: name a new file for the backup.`)
      const place = await withStorage(options, async (storage) => {
        await storage.backUpTo?.(target)
        return storage.place
      })
      io.stdout(
        `Backed up the desk to ${target}. Restore it by stopping the server and copying it to ${place}.\n`,
      )
    })

  desk
    .command('migrate')
    .description(
      'move a desk from SQLite to PostgreSQL: stories, people (their tokens keep working), status changes and pictures',
    )
    .requiredOption('--from <sqlite:dir>', 'the SQLite desk, as sqlite:DIR (its data folder)')
    .requiredOption('--to <url>', 'the PostgreSQL to move it to (postgres://user@host:5432/db)')
    .action(async (options: { from: string; to: string }) => {
      const from = /^sqlite:(.+)$/.exec(options.from)?.[1]
      if (!from)
        throw new CliError(
          `--from ${options.from}: name the SQLite desk as sqlite:DIR, such as sqlite:/srv/desk.`,
        )
      const { migrateSqliteDeskToPostgres } = await import('../services/desk/desk-migration')
      const { shownPostgresAddress } = await import('../services/desk/postgres-desk-storage')
      const dataDir = resolve(from)
      const moved = await migrateSqliteDeskToPostgres(dataDir, options.to).catch(
        (error: unknown) => {
          throw failure(error)
        },
      )
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
      io.stdout(
        `Moved ${count(moved.stories, 'story', 'stories')}, ${count(moved.people, 'person', 'people')}, ${count(moved.statusChanges, 'status change', 'status changes')} and ${count(moved.pictures, 'picture', 'pictures')} to ${shownPostgresAddress(options.to)}; PostgreSQL counted the same.\n`,
      )
      io.stdout(
        `The SQLite desk in ${dataDir} is as it was: keep it as a backup. Start the desk servers with --postgres ${shownPostgresAddress(options.to)} from now on.\n`,
      )
    })
}
