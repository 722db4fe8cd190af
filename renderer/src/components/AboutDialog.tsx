import { Dialog } from './Dialog'

declare const __COPYDESK_VERSION__: string

export function AboutDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="About Copydesk" onClose={onClose}>
      <h2>Copydesk</h2>
      <p>Version {__COPYDESK_VERSION__}</p>
      <p>
        A newsroom editor: articles are plain folders on disk, saved atomically, with suggestions,
        comments, history, house style and publish-ready exports.
      </p>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </Dialog>
  )
}
