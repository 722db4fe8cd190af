import type { Extensions, NodeViewRenderer } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Figure, type FigureOptions } from './figure'
import { CommentMark } from './comment-mark'
import { PullQuote } from './pull-quote'
import { SuggestableContainers, SuggestionMarks } from './suggestion-marks'

export interface ArticleExtensionOptions {
  assetUrl?: FigureOptions['assetUrl']
  /** The renderer's interactive figure (image, caption, credit and alt text fields). */
  figureNodeView?: NodeViewRenderer
  /** Edited through a shared Yjs document, whose own undo knows whose edits are whose. */
  shared?: boolean
}

/**
 * The one list of nodes and marks an article body may hold. Main validates saved bodies with it,
 * exports render with it, and the renderer's editor adds its interactive extensions on top.
 */
export function articleBodyExtensions(options: ArticleExtensionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      // h1 is the headline; the body has subheadings only.
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      // Replaced below by versions that allow tracked changes on the blocks they hold.
      document: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      ...(options.shared && { undoRedo: false as const }),
    }),
    ...SuggestableContainers,
    (options.figureNodeView
      ? Figure.extend({ addNodeView: () => options.figureNodeView ?? null })
      : Figure
    ).configure(options.assetUrl ? { assetUrl: options.assetUrl } : {}),
    PullQuote,
    CommentMark,
    ...SuggestionMarks,
  ]
}
