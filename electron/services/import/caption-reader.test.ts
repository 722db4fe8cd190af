import { describe, expect, it } from 'vitest'
import { NO_EMBEDDED_CAPTION } from '../image-metadata'
import { jpegWithXmp } from '../test-images'
import { CaptionReader } from './caption-reader'

describe('CaptionReader', () => {
  it('reads captions in its thread; a read the thread cannot finish gives none, and the next read starts another', async () => {
    const reader = new CaptionReader()
    const picture = await jpegWithXmp('Ferry in the storm', 'Ana Lee', 'Agency')
    try {
      expect(await reader.read(picture)).toEqual({
        caption: 'Ferry in the storm',
        credit: 'Ana Lee/Agency',
        creator: 'Ana Lee',
        copyright: '',
        source: '',
      })
      // What a time or memory limit does to the thread: it is stopped with the read waiting.
      const stopped = reader.read(picture)
      await reader.close()
      expect(await stopped).toEqual(NO_EMBEDDED_CAPTION)
      expect((await reader.read(picture)).caption).toBe('Ferry in the storm')
    } finally {
      await reader.close()
    }
  })
})
