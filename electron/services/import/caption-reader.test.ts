import { describe, expect, it } from 'vitest'
import { NO_EMBEDDED_CAPTION } from '../library/image-metadata'
import { jpegWithXmp } from '../testing/test-images'
import { CAPTION_READ_LIMITS, CAPTION_READER_SCRIPT, CaptionReader } from './caption-reader'
import { ImportWorker } from './import-worker-client'
import { STALLED_READER_SCRIPT } from './test-stalled-reader-script'

describe('CaptionReader', () => {
  it('reads captions in its thread', async () => {
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
    } finally {
      await reader.close()
    }
  })

  it('gives no caption when its thread stalls, and the next read starts another', async () => {
    // The first thread never answers, as crafted metadata could hold a reader; the limit ends it.
    const scripts = [STALLED_READER_SCRIPT, CAPTION_READER_SCRIPT]
    const reader = new CaptionReader(
      () =>
        new ImportWorker(
          { ...CAPTION_READ_LIMITS, seconds: 1 },
          scripts.shift() ?? CAPTION_READER_SCRIPT,
        ),
    )
    const picture = await jpegWithXmp('Ferry in the storm', 'Ana Lee', 'Agency')
    try {
      expect(await reader.read(picture)).toEqual(NO_EMBEDDED_CAPTION)
      expect(scripts).toEqual([CAPTION_READER_SCRIPT])
      expect((await reader.read(picture)).caption).toBe('Ferry in the storm')
    } finally {
      await reader.close()
    }
  })
})
