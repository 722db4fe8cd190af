import { mkdir, readdir } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { formatMegabytes, MAX_IMAGE_BYTES } from '../../../shared/assets/image-policy'
import { slugify } from '../../../shared/article/slug'
import { THIS_PROCESS } from '../../../shared/library/request-context'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileDurably } from '../disk/atomic-file'
import { fsFailure } from '../disk/fs-failure'
import type { Library } from './library'

/** Where a story keeps the recordings its quotes were taken from: never exported. */
export const RECORDINGS_FOLDER = 'recordings'

/** What a reporter's recorder or phone saves. */
const AUDIO_EXTENSIONS = ['.m4a', '.mp3', '.wav', '.aac', '.ogg', '.opus', '.flac', '.webm', '.amr']

/** As large as the browser host takes in one request: some hours of speech at phone quality. */
export const MAX_RECORDING_BYTES = MAX_IMAGE_BYTES

/**
 * Recordings kept in a story's folder, for its source log: the desk finds the interview a quote
 * came from beside the story, and no export carries it.
 */
export class RecordingStore {
  constructor(private readonly library: Library) {}

  /** Keeps the recording; answered with its path in the story's folder ("recordings/…"). */
  async attach(
    articleId: string,
    fileName: string,
    bytes: Uint8Array,
    client = THIS_PROCESS.client,
  ): Promise<Result<{ path: string }>> {
    const extension = extname(fileName).toLowerCase()
    if (!AUDIO_EXTENSIONS.includes(extension))
      return fail(
        'invalid-file',
        `${fileName} is not a recording Copydesk keeps (${AUDIO_EXTENSIONS.join(', ')}).`,
      )
    if (bytes.byteLength > MAX_RECORDING_BYTES)
      return fail(
        'invalid-file',
        `${fileName} is ${formatMegabytes(bytes.byteLength)}; a recording can be at most ${formatMegabytes(MAX_RECORDING_BYTES)}.`,
      )
    return this.library.whileEditable(articleId, client, () =>
      this.library.exclusive(articleId, async () => {
        const folder = await this.library.folderOf(articleId)
        if (!folder.ok) return folder
        const recordings = join(folder.value, RECORDINGS_FOLDER)
        try {
          await mkdir(recordings, { recursive: true })
          // A name of the story's own, never one that is already there.
          const taken = new Set(await readdir(recordings))
          const base = slugify(fileName.slice(0, -extension.length)) || 'recording'
          let name = `${base}${extension}`
          for (let count = 2; taken.has(name); count++) name = `${base}-${count}${extension}`
          await writeFileDurably(join(recordings, name), bytes)
          return ok({ path: `${RECORDINGS_FOLDER}/${name}` })
        } catch (error) {
          return fsFailure(error, `keep ${fileName}`)
        }
      }),
    )
  }
}
