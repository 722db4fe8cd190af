import { useEffect, useState } from 'react'
import { useEditorStore } from './editor-store'

/**
 * The editor store's edit count, passed on only once typing has paused for `delayMs`. Panels
 * that read the whole story use it instead of the live count: a React commit while the body has
 * focus makes React measure the selection by walking every node of the body, so a panel that
 * re-rendered per keystroke would make typing slower the longer the story.
 */
export function useEditsAfterPause(delayMs: number, enabled = true): number {
  const [edits, setEdits] = useState(() => useEditorStore.getState().editCount)
  useEffect(() => {
    if (!enabled) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = useEditorStore.subscribe((state, previous) => {
      if (state.editCount === previous.editCount) return
      clearTimeout(timer)
      timer = setTimeout(() => setEdits(useEditorStore.getState().editCount), delayMs)
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [delayMs, enabled])
  return edits
}
