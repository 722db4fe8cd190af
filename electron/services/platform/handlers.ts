import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportedImage } from '../../../shared/assets/image-policy'
import type { Article } from '../../../shared/article'
import { CreateArticleRequest, type Handlers } from '../../../shared/ipc/contract'
import { fail, ok, type Result } from '../../../shared/result'
import { describeZodError } from '../../../shared/validation/describe-zod-error'
import type { Settings, SettingsAnswer } from '../../../shared/settings/schema'
import type { ArticleLocks } from '../library/article-locks'
import type { AssetStore } from '../library/asset-store'
import type { EventHub } from './event-hub'
import type { Exporter } from '../export/exporter'
import type { Importer } from '../import/importer'
import type { RecoveryJournal } from '../library/recovery-journal'
import { fsFailure } from '../disk/fs-failure'
import type { Library } from '../library/library'
import type { Catalog } from '../search/catalog'
import type { SettingsStore } from '../settings/settings-store'
import type { DeskTokenStore } from '../settings/desk-token-store'
import { fetchDeskStories } from '../desk/desk-client'
import type { DeskSessions } from '../desk/desk-sessions'
import type { StylePacks } from '../settings/style-packs'
import type { Copyfit } from '../copyfit/copyfit'
import type { Slots } from '../copyfit/slots'
import type { RecordingStore } from '../library/recording-store'
import type { VersionStore } from '../history/version-store'

const MAX_RECENT_ARTICLES = 20

/** What only the desktop app can do; absent in the browser host and the CLI. */
export interface DesktopServices {
  /** Main's native file dialog: the paths the person chose, none when cancelled. */
  chooseImages(): Promise<string[]>
  /** Closes the window once the page has saved. */
  closeWindow(): void
  /** A file the OS asked Copydesk to open as it started, once opened: shown first. */
  takeOpenedAtStart?(): { id: string; notes: string[] } | undefined
  /** A batch export's progress, for the taskbar or dock; `done === total` when it ends. */
  batchProgress?(done: number, total: number): void
  /** A batch export has ended: a system notification when it took a while. */
  batchFinished?(summary: string, seconds: number): void
}

export interface Services {
  library: Library
  catalog: Catalog
  settings: SettingsStore
  /** The person's desk token, kept apart from the settings and never sent to the page. */
  deskToken: DeskTokenStore
  /** Shared stories: sending to the desk, bringing from it, and their editing sessions. */
  desk: DeskSessions
  assets: AssetStore
  versions: VersionStore
  stylePacks: StylePacks
  slots: Slots
  copyfit: Copyfit
  recordings: RecordingStore
  exporter: Exporter
  importer: Importer
  recovery: RecoveryJournal
  locks: ArticleLocks
  /** Holds `sample/article.json` and its `sample/assets/`. */
  resourcesDir: string
  desktop?: DesktopServices
  /** Progress of long work for the page (batch exports). */
  events?: EventHub
}

const desktopOnly = (what: string) =>
  fail('invalid-request', `${what} is only available in the desktop app.`)

/** Every channel's handler, in one object: Electron IPC and the browser host both serve this. */
export function createHandlers({
  library,
  settings,
  deskToken,
  desk,
  assets,
  versions,
  stylePacks,
  slots,
  copyfit,
  recordings,
  exporter,
  importer,
  recovery,
  locks,
  resourcesDir,
  desktop,
  catalog,
  events,
}: Services): Handlers {
  /** Best effort: a settings file that cannot be written must not stop an article opening. */
  const rememberRecent = async (id: string) => {
    const recent = [id, ...settings.get().recentArticles.filter((other) => other !== id)]
    await settings
      .update({ recentArticles: recent.slice(0, MAX_RECENT_ARTICLES) })
      .catch(() => undefined)
  }

  /** The page learns whether a desk token is kept, never the token. */
  const settingsAnswer = (current: Settings): SettingsAnswer => ({
    ...current,
    deskTokenSet: deskToken.isSet(),
  })

  const createSample = async () => {
    const sampleDir = join(resourcesDir, 'sample')
    let text: string
    try {
      text = await readFile(join(sampleDir, 'article.json'), 'utf8')
    } catch (error) {
      return fsFailure(error, 'read the sample article')
    }
    const fields = CreateArticleRequest.safeParse(JSON.parse(text))
    if (!fields.success)
      return fail('damaged', `The sample article is invalid: ${describeZodError(fields.error)}`)
    return library.create(fields.data, { assetsFrom: join(sampleDir, 'assets') })
  }

  return {
    'library:list': () => catalog.list(),
    'library:search': async (query) => ok(await catalog.search(query)),
    'library:passages': async ({ hits }) => ok(await catalog.passages(hits)),
    'article:create': (request) => library.create(request),
    'article:open': async ({ id }) => {
      const opened = await library.open(id)
      if (opened.ok) await rememberRecent(id)
      return opened
    },
    'article:save': async ({ id, baseRevision, fields }, { client }) => {
      const saved = await library.save(id, baseRevision, fields, client)
      if (!saved.ok) return saved
      // The page has the body it just sent; sending it back would only cost it a parse.
      const { body: _sent, ...savedArticle } = saved.value
      return ok(savedArticle)
    },
    'article:save-as-copy': ({ id, fields }) => library.saveAsCopy(id, fields),
    'article:duplicate': ({ id }) => library.duplicate(id),
    'article:rename': ({ id, baseRevision, slug }, { client }) =>
      library.rename(id, baseRevision, slug, client),
    'article:trash': ({ id }, { client }) => library.trash(id, client),
    'article:discard-untouched': ({ id }, { client }) => library.discardUntouched(id, client),
    'trash:list': () => library.listTrash(),
    'article:restore': ({ id }) => library.restore(id),
    'article:export': async ({ id, format, force, withChanges }) => {
      const article = await library.open(id)
      return article.ok
        ? exporter.export(article.value, format, {
            force: force ?? false,
            withChanges: withChanges ?? false,
          })
        : article
    },
    'article:preflight': async ({ id }) => {
      const article = await library.open(id)
      return article.ok ? ok(await exporter.preflight(article.value)) : article
    },
    'import:read-page': ({ html }) => importer.readPage(html),
    'article:import': async ({ fileName, bytes }) => {
      const imported = await importer.importBytes(fileName, bytes)
      return imported.ok
        ? ok({ article: imported.value.article, notes: imported.value.notes })
        : imported
    },
    'article:lock': ({ id }, { client }) => locks.acquire(id, client),
    'article:unlock': ({ id }, { client }) => locks.release(id, client),
    'recovery:write': (entry) => recovery.write(entry),
    'recovery:clear': ({ articleId }) => recovery.clear(articleId),
    'recovery:list': () => recovery.offers(),
    'articles:export': async ({ ids, format }) => {
      const articles: Article[] = []
      for (const id of ids) {
        const article = await library.open(id)
        if (!article.ok) return article
        articles.push(article.value)
      }
      const started = Date.now()
      const batch = await exporter.exportBatch(articles, format, (done, total) => {
        events?.emit('export:progress', { done, total })
        desktop?.batchProgress?.(done, total)
      })
      const seconds = Math.round((Date.now() - started) / 1000)
      desktop?.batchFinished?.(
        batch.ok
          ? `${batch.value.exported} of ${ids.length} articles exported${batch.value.skipped.length ? `, ${batch.value.skipped.length} held back by their preflight` : ''}.`
          : batch.error.message,
        seconds,
      )
      return batch
    },
    'app:start': async () => {
      const opened = desktop?.takeOpenedAtStart?.()
      if (opened) return ok({ open: opened })
      // Otherwise the article that was open last, if it is still in the library.
      const last = settings.get().recentArticles[0]
      const present = last ? (await library.folderOf(last)).ok : false
      return ok(last && present ? { open: { id: last, notes: [] } } : {})
    },
    'library:create-sample': createSample,
    'asset:import': ({ articleId, fileName, bytes }, { client }) =>
      assets.importImage(articleId, fileName, bytes, client),
    'asset:choose': async ({ articleId }, { client }) => {
      if (!desktop) return desktopOnly('The native file dialog')
      const imported: ImportedImage[] = []
      for (const path of await desktop.chooseImages()) {
        const result: Result<ImportedImage> = await assets.importFile(
          articleId,
          path,
          path.split(/[/\\]/).pop() ?? path,
          client,
        )
        if (!result.ok) return result
        imported.push(result.value)
      }
      return ok(imported)
    },
    'window:close': async () => {
      if (!desktop) return desktopOnly('Closing the window')
      desktop.closeWindow()
      return ok(null)
    },
    'version:list': ({ articleId }) => versions.list(articleId),
    'version:create': ({ articleId, label }, { client }) =>
      versions.create(articleId, label, client),
    'version:open': ({ articleId, versionId }) => versions.open(articleId, versionId),
    'version:restore': async ({ articleId, versionId, baseRevision }, { client }) => {
      if (!desk.isJoined(articleId))
        return versions.restore(articleId, versionId, baseRevision, client)
      // A shared story's text lives in its shared document: the version goes in as one more
      // change, merged with whatever others type meanwhile, so no revision can be out of date.
      const flushed = await desk.flush(articleId)
      if (!flushed.ok) return flushed
      const fields = await versions.keepBeforeRestore(articleId, versionId)
      return fields.ok ? desk.replace(articleId, fields.value) : fields
    },
    'style:packs': () => stylePacks.load(),
    'style:import': ({ fileName, text }) => stylePacks.import(fileName, text),
    'copyfit:slots': () => slots.load(),
    'copyfit:measure': ({ slotId, ...text }) =>
      copyfit.measure(slotId, { ...text, language: settings.get().language }),
    'copyfit:import-slot': ({ fileName, text }) => slots.import(fileName, text),
    'source:attach-recording': ({ articleId, fileName, bytes }, { client }) =>
      recordings.attach(articleId, fileName, bytes, client),
    'settings:get': async () => ok(settingsAnswer(settings.get())),
    'settings:update': async (patch) => {
      let updated: Settings
      try {
        updated = await settings.update(patch)
      } catch (error) {
        return fsFailure(error, 'save the settings')
      }
      // Open shared stories follow a new desk address at once.
      if (patch.deskAddress !== undefined) desk.connectionChanged()
      return ok(settingsAnswer(updated))
    },
    'desk:set-token': async ({ token }) => {
      try {
        await deskToken.set(token)
      } catch (error) {
        return fsFailure(error, token === null ? 'forget the desk token' : 'keep the desk token')
      }
      desk.connectionChanged()
      return ok(settingsAnswer(settings.get()))
    },
    'desk:stories': async () =>
      // A token file that cannot be used says why, rather than "no token is set".
      !deskToken.isSet() && deskToken.loadProblem
        ? fail('io', deskToken.loadProblem)
        : fetchDeskStories({ address: settings.get().deskAddress, token: deskToken.get() }),
    'desk:presence': async ({ id, state }) => desk.setPresence(id, state),
    'desk:send': ({ id }) => desk.send(id),
    'desk:open-story': ({ id }) => desk.openStory(id),
    'desk:join': ({ id, stateVector }, { client }) =>
      desk.join(id, client, stateVector ? Buffer.from(stateVector, 'base64') : undefined),
    'desk:push': ({ id, update }) => desk.push(id, update),
    'desk:leave': ({ id }, { client }) => desk.leave(id, client),
  }
}
