import { getSchema } from '@tiptap/core'
import { DOMParser as ProseMirrorParser, type Schema } from '@tiptap/pm/model'
import { Window } from 'happy-dom'
import type { TiptapNode } from '../../../shared/article'
import { articleBodyExtensions } from '../../../shared/editor/extensions'

let schema: Schema | undefined

/** A DOM for reading HTML in main: it runs no script and loads nothing. */
export function quietWindow(): Window {
  return new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  })
}

export interface BodyOptions {
  /**
   * Spaces kept as they are, not collapsed as a browser shows them: for HTML written by a
   * program, where a space is text (a space a tracked change deletes at a paragraph's start).
   */
  exactSpaces?: boolean
}

/**
 * HTML in the article's body: parsed by the editor's own schema, so only what an article can
 * hold survives (no scripts, styles, event handlers or unknown elements; links only http(s) and
 * mailto; figures only with images in the article's assets/).
 */
export function htmlToBody(html: string, options: BodyOptions = {}): TiptapNode {
  schema ??= getSchema(articleBodyExtensions())
  const window = quietWindow()
  try {
    const container = window.document.createElement('div')
    container.innerHTML = html
    const doc = ProseMirrorParser.fromSchema(schema).parse(container as unknown as Node, {
      ...(options.exactSpaces && { preserveWhitespace: true }),
    })
    return doc.toJSON() as TiptapNode
  } finally {
    void window.happyDOM.close()
  }
}
