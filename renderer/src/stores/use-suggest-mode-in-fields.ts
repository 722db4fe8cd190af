import { useEffect } from 'react'
import { useFieldEditors } from './field-editors'
import { useSuggestMode } from './suggestion-store'

/** Keeps every text field's editor in step with the one Suggest edits switch. */
export function useSuggestModeInFields(): void {
  const enabled = useSuggestMode((state) => state.enabled)
  const editors = useFieldEditors((state) => state.editors)
  useEffect(() => {
    for (const editor of Object.values(editors)) {
      if (editor && !editor.isDestroyed) editor.commands.setSuggestMode(enabled)
    }
  }, [enabled, editors])
}
