/**
 * Functions that run inside the page (passed to page.evaluate), so each is self-contained.
 * "Painted" everywhere means the next animation frame, then a task: the frame with the change
 * has been produced.
 */

export interface TypingRecord {
  /** Key event timestamp to the next painted frame, per keystroke. */
  latencies: number[]
  /** Event Timing's processingEnd − processingStart, for the events it reports (16 ms or more). */
  handlers: number[]
}

declare global {
  interface Window {
    __typing?: TypingRecord
    /** Wall-clock times (ms) at which each character watched for first showed, painted. */
    __arrivals?: number[]
    __pressed?: number[]
  }
}

/** Starts recording every keystroke's latency on this page (once per page). */
export function installTypingProbe(): void {
  if (window.__typing) return
  window.__typing = { latencies: [], handlers: [] }
  const current = () => window.__typing as TypingRecord
  addEventListener(
    'keydown',
    (event) => {
      const record = current()
      requestAnimationFrame(() =>
        setTimeout(() => record.latencies.push(performance.now() - event.timeStamp), 0),
      )
    },
    true,
  )
  const keyEvents = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input'])
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[])
      if (keyEvents.has(entry.name))
        current().handlers.push(entry.processingEnd - entry.processingStart)
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
}

/** What was recorded since the last call; recording goes on afresh. */
export function takeTypingRecord(): TypingRecord {
  const record = window.__typing ?? { latencies: [], handlers: [] }
  window.__typing = { latencies: [], handlers: [] }
  return record
}

/** Puts the caret in the middle of the given editable element, as a click there would. */
export function caretToMiddle(selector: string): void {
  const element = document.querySelector(selector)
  if (!element) throw new Error(`nothing matches ${selector}`)
  if (element instanceof HTMLTextAreaElement) {
    element.focus()
    const middle = Math.floor(element.value.length / 2)
    element.setSelectionRange(middle, middle)
    return
  }
  const paragraphs = element.querySelectorAll(':scope > p')
  const target = paragraphs[Math.floor(paragraphs.length / 2)]
  if (!target) throw new Error(`no paragraph in ${selector}`)
  target.scrollIntoView({ block: 'center' })
  ;(element as HTMLElement).focus()
  const range = document.createRange()
  range.selectNodeContents(target)
  range.collapse(false)
  const selection = getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
}

/** Clicks the library row with this headline; resolves when the body holds `marker`, editable and painted. */
export async function openFromLibrary([headline, marker]: [string, string]): Promise<number> {
  const findRow = () =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('.article-item')).find(
      (button) => button.querySelector('.article-headline')?.textContent === headline,
    )
  // The library list arrives after the page loads.
  for (let wait = 0; !findRow() && wait < 200; wait++)
    await new Promise((resolve) => setTimeout(resolve, 50))
  const row = findRow()
  if (!row) throw new Error(`no library row for "${headline}"`)
  const start = performance.now()
  row.click()
  await new Promise<void>((resolve) => {
    const check = () => {
      const body = document.querySelector('[aria-label="Body"][contenteditable="true"]')
      if (body?.textContent?.includes(marker)) resolve()
      else requestAnimationFrame(check)
    }
    check()
  })
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  return performance.now() - start
}

/** Pastes HTML into the editor at its caret, as the clipboard would; resolves when painted. */
export async function pasteHtml([selector, html, confirms]: [
  string,
  string,
  boolean,
]): Promise<number> {
  const target = document.querySelector(selector)
  if (!target) throw new Error(`nothing matches ${selector}`)
  const data = new DataTransfer()
  data.setData('text/html', html)
  data.setData('text/plain', html.replace(/<[^>]+>/g, ''))
  const start = performance.now()
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  )
  // The app holds a paste this large until the person confirms it, in a dialog it renders on
  // its next frames: confirmed as soon as it shows, as they would.
  if (confirms) {
    const asked = performance.now()
    for (;;) {
      const pasteAnyway = Array.from(document.querySelectorAll('button')).find(
        (button) => button.textContent?.trim() === 'Paste anyway',
      )
      if (pasteAnyway) {
        pasteAnyway.click()
        break
      }
      if (performance.now() - asked > 10_000) throw new Error('the large-paste question never came')
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  return performance.now() - start
}

/** The app's save timings (User Timing measures it records), taken and cleared. */
export function takeSaveMeasures(): { mainThread: number[]; durable: number[] } {
  const of = (name: string) => performance.getEntriesByName(name).map((entry) => entry.duration)
  const prepare = of('copydesk:save-prepare')
  const apply = of('copydesk:save-apply')
  const durable = of('copydesk:save-durable')
  performance.clearMeasures()
  return { mainThread: prepare.map((value, index) => value + (apply[index] ?? 0)), durable }
}

/**
 * Watches the Body editor's paragraph that starts with `start` for more of `character`: each
 * one new there is timed once painted, in wall-clock milliseconds (timeOrigin + now), so that a
 * key pressed elsewhere (another page, Node) can be set against it.
 */
export function watchParagraph([start, character]: [string, string]): void {
  const body = document.querySelector('[aria-label="Body"]')
  if (!body) throw new Error('no Body editor on the page')
  const arrivals: number[] = []
  window.__arrivals = arrivals
  let paragraph: Element | undefined
  const count = () => {
    // ProseMirror may redraw the paragraph as a new element: looked up again when it has gone.
    if (!paragraph?.isConnected || !paragraph.textContent?.startsWith(start))
      paragraph = Array.from(body.querySelectorAll('p')).find((element) =>
        element.textContent?.startsWith(start),
      )
    return (paragraph?.textContent?.split(character).length ?? 1) - 1
  }
  let shown = count()
  new MutationObserver(() => {
    const now = count()
    if (now <= shown) return
    const added = now - shown
    shown = now
    requestAnimationFrame(() =>
      setTimeout(() => {
        const at = performance.timeOrigin + performance.now()
        for (let index = 0; index < added; index++) arrivals.push(at)
      }, 0),
    )
  }).observe(body, { subtree: true, childList: true, characterData: true })
}

/**
 * Records when each press of `character` happened in this page, as wall-clock time: the
 * keystroke as the page had it, however long the browser's automation took to deliver it.
 */
export function watchKeyPresses(character: string): void {
  const pressed: number[] = []
  window.__pressed = pressed
  addEventListener(
    'keydown',
    (event) => {
      if (event.key === character) pressed.push(performance.timeOrigin + event.timeStamp)
    },
    true,
  )
}

/** The presses `watchKeyPresses` recorded so far. */
export function keyPresses(): number[] {
  return window.__pressed ?? []
}

/** How many of the watched characters have shown so far, and when. */
export function arrivals(): number[] {
  return window.__arrivals ?? []
}
