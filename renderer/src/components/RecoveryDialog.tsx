import { bodyText } from '../../../shared/export/figures'
import type { RecoveryOffer } from '../../../shared/library/recovery-offer'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { previewLines, useRecoveryOffers } from '../stores/recovery-offers'
import { Dialog } from './Dialog'
import { formatPeopleTime } from '../../../shared/format/people-time'

const PREVIEW_CHARACTERS = 400
const NONE: RecoveryOffer[] = []

/**
 * Edits an earlier session journaled but never saved (the app or its tab closed first: a crash,
 * a kill, a power cut, a tab closed mid-sentence), each article's with the text it holds, to
 * restore or discard one by one. Asked for first thing at start (see App), it comes up before
 * the person is at work on a story; once they are, `RecoveryNotice` offers it instead.
 */
export function RecoveryDialog() {
  const restore = useEditorStore((state) => state.restoreRecovered)
  const offers = useRecoveryOffers((state) => state.offers ?? NONE)
  const shown = useRecoveryOffers((state) => state.shown)
  const show = useRecoveryOffers((state) => state.show)
  const settle = useRecoveryOffers((state) => state.settle)

  if (shown !== 'dialog' || offers.length === 0) return null
  // Put off, the offers stay within reach in the notice; they are offered again next start.
  const later = () => show('notice')

  return (
    <Dialog label="Recover unsaved work" onClose={later}>
      <h2>Recover unsaved work</h2>
      <p>
        Copydesk found edits that were not saved — the app or its tab closed before they were
        written. Restore them to carry on, or discard them.
      </p>
      <ul aria-label="Unsaved edits" className="recovery-offers">
        {offers.map((offer) => {
          const lines = previewLines(bodyText(offer.fields.body), PREVIEW_CHARACTERS)
          const title = offer.fields.headline || 'Untitled'
          return (
            <li key={offer.articleId} aria-label={title}>
              <h3>{title}</h3>
              <p className="hint">
                Edited {formatPeopleTime(offer.journaledAt)}
                {offer.saved
                  ? ` · saved version: revision ${offer.saved.revision}`
                  : ' · no longer in the library: restoring makes it a new article'}
              </p>
              {offer.fields.standfirst && <p className="standfirst">{offer.fields.standfirst}</p>}
              <blockquote aria-label="Text to restore">
                {/* A block a line: the paragraphs read as the story does, not run together. */}
                {lines.map((line, index) => (
                  <p key={index}>{line}</p>
                ))}
              </blockquote>
              <span className="version-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    void restore(offer).then((done) => done && settle(offer.articleId))
                  }
                >
                  Restore
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void client
                      .invoke('recovery:clear', { articleId: offer.articleId })
                      .then(() => settle(offer.articleId))
                  }
                >
                  Discard
                </button>
              </span>
            </li>
          )
        })}
      </ul>
      <div className="dialog-buttons">
        <button type="button" onClick={later}>
          Decide later
        </button>
      </div>
    </Dialog>
  )
}

/**
 * The offers, when they came in after the person had opened or started a story: a notice in a
 * corner instead of a dialog over the text they are writing. It opens the dialog when asked.
 */
export function RecoveryNotice() {
  const count = useRecoveryOffers((state) => state.offers?.length ?? 0)
  const shown = useRecoveryOffers((state) => state.shown)
  const show = useRecoveryOffers((state) => state.show)
  if (shown !== 'notice' || count === 0) return null
  return (
    <div
      role="status"
      className="notice-item recovery-notice"
      aria-label="Unsaved work from earlier"
    >
      <p>Unsaved work from earlier can be recovered.</p>
      <button type="button" onClick={() => show('dialog')}>
        Review unsaved work
      </button>
      <button type="button" onClick={() => show('none')} aria-label="Dismiss unsaved work notice">
        ×
      </button>
    </div>
  )
}
