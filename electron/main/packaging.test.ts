import Ajv from 'ajv'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { IMPORT_EXTENSIONS } from '../../shared/import/import-formats'

const root = join(__dirname, '../..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  build: {
    electronFuses: Record<string, boolean>
    fileAssociations: { ext: string | string[] }[]
    icon: string
    asar: boolean
    linux: { target: string[] }
    mac: { target: string[] }
    win: { target: string[] }
  }
}
const { build } = manifest

describe('installers (electron-builder configuration in package.json)', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = createRequire(__filename)('app-builder-lib/scheme.json') as object
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    expect(validate(build), JSON.stringify(validate.errors)).toBe(true)
  })

  it('sets the Electron fuses: no Node mode, no NODE_OPTIONS or inspect flags, app only from a checked asar', () => {
    expect(build.asar).toBe(true)
    expect(build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(build.linux.target).toEqual(['AppImage', 'deb'])
    expect(build.mac.target).toEqual(['dmg'])
    expect(build.win.target).toEqual(['nsis'])
  })

  it('associates every file type Copydesk opens', () => {
    const associated = build.fileAssociations.flatMap(({ ext }) => [ext].flat())
    const imported = Object.keys(IMPORT_EXTENSIONS).map((extension) => extension.slice(1))
    expect(associated.sort()).toEqual(imported.sort())
  })

  it('has an app icon large enough for every platform (512 pixels or more)', async () => {
    const { width, height } = await sharp(join(root, build.icon)).metadata()
    expect(width).toBeGreaterThanOrEqual(512)
    expect(height).toBe(width)
  })
})
