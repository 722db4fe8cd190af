import { useEffect, useState } from 'react'
import { bodyText } from '../../../shared/export/figures'
import type { RecoveryOffer } from '../../../shared/ipc/contract'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { Dialog } from './Dialog'
import { formatPeopleTime } from '../../../shared/format/people-time'

const PREVIEW_CHARACTERS = 400

/**
 * At start, when the last session ended without saving everything (a crash, a kill, a power
 * cut): each article's unsaved edits, with the text they hold, to restore or discard one by one.
 */
export function RecoveryDialog() {
  const restore = useEditorStore((state) => state.restoreRecovered)
  const [offers, setOffers] = useState<RecoveryOffer[]>([])

  useEffect(() => {
    void client.invoke('recovery:list', {}).then((result) => {
      if (result.ok) setOffers(result.value)
    })
  }, [])

  if (offers.length === 0) return null
  const settle = (articleId: string) =>
    setOffers((current) => current.filter((offer) => offer.articleId !== articleId))

  return (
    <Dialog label="Recover unsaved work" onClose={() => setOffers([])}>
      <h2>Recover unsaved work</h2>
      <p>
        Copydesk did not close cleanly last time. These edits were not saved; restore them to carry
        on, or discard them.
      </p>
      <ul aria-label="Unsaved edits" className="recovery-offers">
        {offers.map((offer) => {
          const text = bodyText(offer.fields.body)
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
                {text.length > PREVIEW_CHARACTERS ? `${text.slice(0, PREVIEW_CHARACTERS)}…` : text}
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
    </Dialog>
  )
}
