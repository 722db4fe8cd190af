import { Option, type Command } from 'commander'
import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { DESK_ROLES, type DeskRole } from '../../shared/desk/desk-roles'
import type { DeskRecords } from '../services/desk/desk-records'
import { CliError, type CliIo } from './cli-io'
import { parsePort } from './option-parsers'

interface DataOption {
  data: string
}

const dataOption = () =>
  new Option(
    '--data <dir>',
    'the desk’s data folder: its stories, people and status changes',
  ).makeOptionMandatory()

/**
 * The desk server's modules (Hocuspocus, Yjs, SQLite) load only for the desk server's own
 * commands: every other command and the browser host start without them.
 */
const deskServerModule = () => import('../services/desk/desk-server')
const deskRecordsModule = () => import('../services/desk/desk-records')

/** Opens the desk's records for one command, and closes them after, whatever happens. */
async function withRecords<T>(
  options: DataOption,
  command: (records: DeskRecords) => T | Promise<T>,
): Promise<T> {
  const [{ DeskRecords, DeskRecordsError }, { deskDatabasePath }] = await Promise.all([
    deskRecordsModule(),
    deskServerModule(),
  ])
  let records: DeskRecords
  try {
    const dataDir = resolve(options.data)
    mkdirSync(dataDir, { recursive: true })
    records = DeskRecords.open(deskDatabasePath(dataDir))
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error))
  }
  try {
    return await command(records)
  } catch (error) {
    if (error instanceof DeskRecordsError) throw new CliError(error.message)
    throw error
  } finally {
    records.close()
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
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port to listen on (0: any free one)', parsePort, 1234)
    .option(
      '--redis <url>',
      'share open stories live with other desk servers through this Redis (redis://host:port); give them the same --data',
    )
    .action(async (options: DataOption & { host: string; port: number; redis?: string }) => {
      const dataDir = resolve(options.data)
      const { startDeskServer, deskDatabasePath } = await deskServerModule()
      const server = await startDeskServer({
        dataDir,
        host: options.host,
        port: options.port,
        ...(options.redis && { redis: options.redis }),
        log: (line) => io.stdout(`${line}\n`),
      }).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EADDRINUSE')
          throw new CliError(`Port ${options.port} is already in use: choose another with --port.`)
        throw new CliError(error instanceof Error ? error.message : String(error))
      })
      const people = await withRecords(options, (records) => records.people().length)
      io.stdout(`Desk server listening on ${server.url}\n`)
      io.stdout(`Stories, people and status changes are kept in ${deskDatabasePath(dataDir)}.\n`)
      if (options.redis)
        io.stdout(`Open stories are shared live with the other desk servers on ${options.redis}.\n`)
      io.stdout(
        people === 0
          ? `Nobody can connect yet. Add people with:\n  copydesk desk-server add-person "Name" --role reporter|editor|producer --data ${dataDir}\n`
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
    .action(async (name: string, options: DataOption & { role: DeskRole }) => {
      const { person, token } = await withRecords(options, (records) =>
        records.addPerson(name, options.role),
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
    .action(async (name: string, options: DataOption) => {
      const person = await withRecords(options, (records) => records.removePerson(name))
      io.stdout(`Removed ${person.name}: their token no longer connects.\n`)
    })

  desk
    .command('people')
    .description('list the people who may connect')
    .addOption(dataOption())
    .option('--json', 'print JSON')
    .action(async (options: DataOption & { json?: boolean }) => {
      const people = await withRecords(options, (records) => records.people())
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
    .addOption(dataOption())
    .requiredOption('--to <file>', 'the backup file to write (it must not exist yet)')
    .action(async (options: DataOption & { to: string }) => {
      const target = resolve(options.to)
      if (existsSync(target))
        throw new CliError(`${target} already exists: name a new file for the backup.`)
      await withRecords(options, (records) => records.backUpTo(target))
      const { deskDatabasePath } = await deskServerModule()
      io.stdout(
        `Backed up the desk to ${target}. Restore it by stopping the server and copying it to ${deskDatabasePath(resolve(options.data))}.\n`,
      )
    })
}
