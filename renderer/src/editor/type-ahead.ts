/**
 * Keys typed while a new story is being made (the story before it saving, a round trip to main)
 * belong to the new story, not to the field that had the cursor: they are held here and typed
 * into the new story once it is ready. Shortcuts (with Ctrl, Cmd or Alt) pass through.
 */
export interface HeldKeys {
  /** Stops holding keys and gives what was typed meanwhile. */
  release(): string
}

export function holdTypedKeys(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): HeldKeys {
  let held = ''
  const hold = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
    if (event.key.length === 1) held += event.key
    else if (event.key === 'Backspace') held = held.slice(0, -1)
    else return
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  target.addEventListener('keydown', hold, { capture: true })
  let released = false
  return {
    release() {
      if (!released) target.removeEventListener('keydown', hold, { capture: true })
      released = true
      const typed = held
      held = ''
      return typed
    },
  }
}
