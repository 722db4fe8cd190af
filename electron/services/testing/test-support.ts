import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LibraryListing } from '../../../shared/library/library-listing'
import type { Result } from '../../../shared/result'
import { LibraryCatalog } from '../search/library-catalog'
import { createNodeServices, type NodeServices } from '../platform/node-services'

/** Services living in each temp folder, whose background work must end before it goes. */
const servicesIn = new Map<string, NodeServices[]>()

/** The services as the CLI and host run them, on a temp library and settings folder. */
export function createTempServices(dir: string): NodeServices {
  const services = createNodeServices({
    libraryFlag: join(dir, 'library'),
    env: { COPYDESK_CONFIG_DIR: join(dir, 'config') },
  })
  servicesIn.set(dir, [...(servicesIn.get(dir) ?? []), services])
  return services
}

export function makeTempDir(prefix = 'copydesk-test-'): {
  path: string
  remove: () => Promise<void>
} {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return {
    path,
    remove: async () => {
      // The search index updates after each change; let it finish before its folder goes.
      await Promise.all((servicesIn.get(path) ?? []).map((services) => services.catalog.idle()))
      servicesIn.delete(path)
      rmSync(path, { recursive: true, force: true, maxRetries: 3 })
    },
  }
}

/**
 * Makes a folder unwritable for this process and returns how to undo it, or undefined where
 * that cannot be done. Root ignores permission bits, so for root the folder is made immutable
 * instead (chattr +i), which file systems such as overlayfs may not support.
 */
export function makeReadOnly(path: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o555)
    return () => chmodSync(path, 0o755)
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' })
    return () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' })
  } catch {
    return undefined
  }
}

/** Every file under a folder with its size and modification time, to prove nothing changed. */
export function snapshotFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const stat = statSync(join(folder, name))
    files[name] = `${stat.size}:${stat.mtimeMs}`
  }
  return files
}

/** The library as Copydesk lists it (through the catalog, the one way), read fresh from its files. */
export async function listLibrary(root: string): Promise<Result<LibraryListing>> {
  const indexDir = mkdtempSync(join(tmpdir(), 'copydesk-test-index-'))
  const catalog = new LibraryCatalog(root, indexDir)
  try {
    await catalog.ready()
    return await catalog.list()
  } finally {
    await catalog.close()
    rmSync(indexDir, { recursive: true, force: true })
  }
}
