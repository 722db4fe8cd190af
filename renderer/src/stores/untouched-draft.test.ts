import { describe, expect, it, vi } from 'vitest'
import { createArticle } from '../../../shared/article/create'
import { createUntouchedDraft } from './untouched-draft'

const DRAFT_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b'
const OTHER_ID = '0c1d2e3f-4a5b-4e7f-8a9b-6f1c2a345b6d'
const draft = createArticle({ headline: '' }, DRAFT_ID, new Date(0))

describe('a draft made with New article', () => {
  it('is discarded when left as it was made', () => {
    const discard = vi.fn()
    const untouched = createUntouchedDraft(discard)
    untouched.made(DRAFT_ID)
    untouched.leaving(draft, false)
    expect(discard).toHaveBeenCalledExactlyOnceWith(DRAFT_ID)
    untouched.leaving(draft, false)
    expect(discard).toHaveBeenCalledTimes(1)
  })

  it('is kept when typed into, saved since, or not made here', () => {
    const discard = vi.fn()
    const untouched = createUntouchedDraft(discard)
    untouched.made(DRAFT_ID)
    untouched.leaving(draft, true)
    untouched.made(DRAFT_ID)
    untouched.leaving({ ...draft, revision: 2 }, false)
    untouched.made(OTHER_ID)
    untouched.leaving(draft, false)
    untouched.leaving(undefined, false)
    expect(discard).not.toHaveBeenCalled()
  })
})
