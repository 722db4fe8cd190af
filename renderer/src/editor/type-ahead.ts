/**
 * Text entered while a new story is being made (the story before it saving, a round trip to main)
 * belongs to the new story, not to the field that had the cursor: it is held here and put into
 * the new story once it is ready. That is keys typed, and text that comes without keys: a paste,
 * dictation, an input method's or a form filler's text. Shortcuts (with Ctrl, Cmd or Alt) pass.
 */
export interface HeldText {
  /** Stops holding and gives what was entered meanwhile, as plain text. */
  release(): string
}

type Target = Pick<Window, 'addEventListener' | 'removeEventListener'>

/** Text put in without a key of its own: each comes as a cancellable `beforeinput`. */
const TEXT_INPUTS = new Set(['insertText', 'insertReplacementText'])

export function holdEnteredText(target: Target = window): HeldText {
  let held = ''
  const keep = (event: Event, change: (text: string) => string) => {
    held = change(held)
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
    if (event.key.length === 1) keep(event, (text) => text + event.key)
    else if (event.key === 'Backspace') keep(event, (text) => text.slice(0, -1))
  }
  // The editor takes a paste from its own event, before any `beforeinput`.
  const onPaste = (event: ClipboardEvent) =>
    keep(event, (text) => text + (event.clipboardData?.getData('text/plain') ?? ''))
  const onInput = (event: InputEvent) => {
    if (!event.cancelable || !TEXT_INPUTS.has(event.inputType)) return
    keep(event, (text) => text + (event.data ?? ''))
  }
  const listeners = [
    ['keydown', onKey],
    ['paste', onPaste],
    ['beforeinput', onInput],
  ] as const
  for (const [type, listener] of listeners)
    target.addEventListener(type, listener as EventListener, { capture: true })
  let released = false
  return {
    release() {
      if (!released)
        for (const [type, listener] of listeners)
          target.removeEventListener(type, listener as EventListener, { capture: true })
      released = true
      const entered = held
      held = ''
      return entered
    },
  }
}
