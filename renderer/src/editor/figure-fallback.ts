import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { NodeView } from '@tiptap/pm/view'
import type { FigureAttributes } from '../../../shared/editor/figure'

/**
 * A figure drawn without React: the picture at the URL the host serves it from, and the caption.
 * Its `src` attribute never holds the bare asset path (`assets/….jpg`), which the page would
 * resolve against its own address and ask the host for a file that is not there.
 */
export function figureFallbackView(
  node: ProseMirrorNode,
  assetUrl: (src: string) => string,
  ownerDocument: Document = document,
): NodeView {
  const { src, alt, lead } = node.attrs as FigureAttributes
  const dom = ownerDocument.createElement('figure')
  dom.className = lead ? 'figure lead' : 'figure'
  const image = ownerDocument.createElement('img')
  image.alt = alt
  image.draggable = false
  if (src) image.src = assetUrl(src)
  const caption = ownerDocument.createElement('figcaption')
  caption.className = 'caption'
  dom.append(image, caption)
  return {
    dom,
    contentDOM: caption,
    // Any change is drawn afresh: this view is only ever up while the editor is going away.
    update: () => false,
  }
}

/**
 * Keeps figures off the schema's own DOM in the editor. TipTap draws a figure with the React
 * node view (FigureView) while the editor is on the page, but when the editor's <EditorContent>
 * unmounts (the person opens another story or closes this one, or React StrictMode remounts it
 * in development) TipTap clears the view's node views, and ProseMirror redraws every figure with
 * the schema's `toDOM`: `<img src="assets/<hash>.jpg">`, a path inside the article folder that
 * the browser resolves against the page (`/assets/<hash>.jpg`, a 404) and fetches even though
 * the editor is detached. ProseMirror still takes node views from plugins after TipTap's own are
 * cleared, so this one is used then instead; while FigureView is up, TipTap's wins.
 */
export const FigureFallback = Extension.create<{ assetUrl: (src: string) => string }>({
  name: 'figureFallback',

  addOptions() {
    return { assetUrl: (src: string) => src }
  },

  addProseMirrorPlugins() {
    const { assetUrl } = this.options
    return [
      new Plugin({
        key: new PluginKey('figureFallback'),
        props: { nodeViews: { figure: (node) => figureFallbackView(node, assetUrl) } },
      }),
    ]
  },
})
