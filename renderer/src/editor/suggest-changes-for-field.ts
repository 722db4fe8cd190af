import { SuggestChanges } from '../../../shared/editor/suggest-changes'
import {
  isOwnSuggestion,
  newSuggestionId,
  suggestionRecord,
  useSuggestMode,
} from '../stores/suggestion-store'

/** Suggest edits for one of the story's fields, attributed to the person at this desk. */
export const suggestChangesForField = () =>
  SuggestChanges.configure({
    newSuggestionId,
    authorship: suggestionRecord,
    isOwn: isOwnSuggestion,
    startEnabled: () => useSuggestMode.getState().enabled,
  })
