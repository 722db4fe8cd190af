/**
 * The baselines the benchmark measures Copydesk against, in the same browser: bare TipTap with
 * StarterKit and nothing else, and a plain textarea holding the same text. The harness drives
 * them through `window.baselines`.
 */
import { Editor, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

let editor: Editor | undefined
const host = document.getElementById('tiptap') as HTMLElement
const textarea = document.getElementById('textarea') as HTMLTextAreaElement

/** Next painted frame, then a task: when what was done is on screen. */
const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

const baselines = {
  /** Mounts bare TipTap with the document; resolves once it is editable and painted. */
  async openTiptap(doc: JSONContent): Promise<number> {
    editor?.destroy()
    textarea.hidden = true
    host.hidden = false
    const start = performance.now()
    editor = new Editor({ element: host, extensions: [StarterKit], content: doc })
    await painted()
    return performance.now() - start
  },
  async openTextarea(text: string): Promise<number> {
    editor?.destroy()
    editor = undefined
    host.hidden = true
    textarea.hidden = false
    const start = performance.now()
    textarea.value = text
    await painted()
    return performance.now() - start
  },
  /**
   * What saving costs the page at the least: the document as JSON text. Repeated until a
   * millisecond has passed, since the page's clock counts in steps of 0.1 ms and a short story
   * serializes in less (the figure was 0).
   */
  serialize(): number {
    const start = performance.now()
    let times = 0
    do {
      JSON.stringify(editor ? editor.getJSON() : { text: textarea.value })
      times++
    } while (performance.now() - start < 1)
    return (performance.now() - start) / times
  },
}

declare global {
  interface Window {
    baselines: typeof baselines
  }
}
window.baselines = baselines
