import { useMemo } from 'react'
import { findQuotes, type FoundQuote } from '../../../shared/quotes/find-quotes'
import { useEditorStore } from '../stores/editor-store'
import { useSettings } from '../stores/settings-store'
import { useBodyParagraphs } from './use-body-paragraphs'

/** The quotes in the open story as it stands, found again whenever typing pauses. */
export function useStoryQuotes(): FoundQuote[] {
  const paragraphs = useBodyParagraphs()
  const headline = useEditorStore((state) => state.form?.headline ?? '')
  const standfirst = useEditorStore((state) => state.form?.standfirst ?? '')
  const language = useSettings((state) => state.settings?.language ?? 'en')
  return useMemo(
    () => findQuotes({ headline, standfirst, paragraphs }, language),
    [headline, standfirst, paragraphs, language],
  )
}
