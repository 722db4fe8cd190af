import { stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { ArticleFieldsSchema } from '../../../shared/article'
import { IMPORT_EXTENSIONS } from '../../../shared/import/import-formats'
import { isInside } from '../disk/contained-path'
import type { Importer } from '../import/importer'
import type { Library } from '../library/library'
import { ARTICLE_FILE, readArticleFile } from '../library/library-store'

/** What became of a file the OS asked Copydesk to open. */
export type OpenedFile =
  { path: string; opened: { id: string; notes: string[] } } | { path: string; problem: string }

const extensionOf = (path: string) => /\.[^./\\]*$/.exec(path)?.[0].toLowerCase() ?? ''

/**
 * The files on a command line: the arguments that name existing files, after the executable
 * (and, in development, the app's folder). Flags such as `--library DIR` are skipped with
 * their values.
 */
export async function filesFromArgv(argv: string[], cwd: string): Promise<string[]> {
  const files: string[] = []
  for (let index = 1; index < argv.length; index++) {
    const argument = argv[index] ?? ''
    if (argument.startsWith('-')) {
      if (!argument.includes('=') && argument === '--library') index++
      continue
    }
    const path = resolve(cwd, argument)
    const found = await stat(path).catch(() => undefined)
    if (found?.isFile()) files.push(path)
  }
  return files
}

/**
 * Opens what the OS handed over: an article in the library opens as it is; an article folder
 * from elsewhere (a colleague's share) is copied in, images and all; any format Copydesk imports
 * becomes a new article. Anything else is answered with the reason, and nothing is changed.
 */
export async function openFile(
  path: string,
  services: { library: Library; importer: Importer },
): Promise<OpenedFile> {
  const name = basename(path)
  if (name === ARTICLE_FILE) {
    const folder = dirname(path)
    const article = await readArticleFile(folder)
    if (!article.ok) return { path, problem: article.error.message }
    if (await isInside(services.library.root, folder)) {
      return { path, opened: { id: article.value.id, notes: [] } }
    }
    const copy = await services.library.create(ArticleFieldsSchema.parse(article.value), {
      assetsFrom: join(folder, 'assets'),
    })
    if (!copy.ok) return { path, problem: copy.error.message }
    return {
      path,
      opened: { id: copy.value.id, notes: [`Copied into the library from ${folder}.`] },
    }
  }
  if (!(extensionOf(name) in IMPORT_EXTENSIONS)) {
    return { path, problem: `${name} is not a file Copydesk opens.` }
  }
  const imported = await services.importer.importFile(path)
  return imported.ok
    ? { path, opened: { id: imported.value.article.id, notes: imported.value.notes } }
    : { path, problem: imported.error.message }
}
