import { exportArticle } from '../../shared/export'
import type { Handlers } from '../../shared/ipc/contract'
import { ok } from '../../shared/ipc/result'
import type { Library } from './library'
import type { SettingsStore } from './settings-store'
import { fsFailure } from './fs-failure'

export interface Services {
  library: Library
  settings: SettingsStore
}

const MAX_RECENT_ARTICLES = 20

/** Every channel's handler, in one object: Electron IPC and the browser host both serve this. */
export function createHandlers({ library, settings }: Services): Handlers {
  /** Best effort: a settings file that cannot be written must not stop an article opening. */
  const rememberRecent = async (id: string) => {
    const recent = [id, ...settings.get().recentArticles.filter((other) => other !== id)]
    await settings
      .update({ recentArticles: recent.slice(0, MAX_RECENT_ARTICLES) })
      .catch(() => undefined)
  }

  return {
    'library:list': () => library.list(),
    'article:create': (request) => library.create(request),
    'article:open': async ({ id }) => {
      const opened = await library.open(id)
      if (opened.ok) await rememberRecent(id)
      return opened
    },
    'article:save': ({ id, baseRevision, fields }) => library.save(id, baseRevision, fields),
    'article:duplicate': ({ id }) => library.duplicate(id),
    'article:rename': ({ id, slug }) => library.rename(id, slug),
    'article:trash': ({ id }) => library.trash(id),
    'trash:list': () => library.listTrash(),
    'article:restore': ({ id }) => library.restore(id),
    'article:export': async ({ id, format }) => {
      const article = await library.open(id)
      return article.ok ? ok(exportArticle(article.value, format)) : article
    },
    'settings:get': async () => ok(settings.get()),
    'settings:update': async (patch) => {
      try {
        return ok(await settings.update(patch))
      } catch (error) {
        return fsFailure(error, 'save the settings')
      }
    },
  }
}
