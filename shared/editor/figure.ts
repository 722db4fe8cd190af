import { Node, mergeAttributes } from '@tiptap/core'

/** Figures point at a file in the article's own `assets/` folder, never outside it. */
export const ASSET_PATH_PATTERN = /^assets\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

export interface FigureAttributes {
  /** Asset path inside the article folder, e.g. `assets/3f2a….jpg`. */
  src: string
  /** Alt text for people who cannot see the image. Never guessed. */
  alt: string
  /** Photographer or agency, shown after the caption. */
  credit: string
  /** The story's lead image: at most one figure per article. */
  lead: boolean
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure at the selection. */
      insertFigure: (
        attributes: Partial<FigureAttributes> & { src: string; caption?: string },
      ) => ReturnType
      /** Makes the figure at `position` the lead image and every other figure not. */
      setLeadFigure: (position: number) => ReturnType
    }
  }
}

export interface FigureOptions {
  /**
   * Maps an asset path to a URL the current host can load, for the renderer's node view only.
   * The node's own HTML (clipboard, exports) always carries the plain asset path: a copied
   * figure pastes back as the same figure, and no host URL or token reaches the clipboard.
   */
  assetUrl: (src: string) => string
}

/**
 * An image with its caption (the node's inline content, so it can carry marks), credit and alt
 * text. Defined here, without React, so main, the CLI, exports and the renderer share one schema.
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  draggable: true,
  isolating: true,

  addOptions() {
    return { assetUrl: (src: string) => src }
  },

  addAttributes() {
    return {
      src: {
        default: '',
        parseHTML: (element) => element.querySelector('img')?.getAttribute('src') ?? '',
        renderHTML: () => ({}),
      },
      alt: {
        default: '',
        parseHTML: (element) => element.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      credit: {
        default: '',
        parseHTML: (element) => element.querySelector('.credit')?.textContent?.trim() ?? '',
        renderHTML: () => ({}),
      },
      lead: {
        default: false,
        parseHTML: (element) => element.hasAttribute('data-lead'),
        renderHTML: (attributes) => (attributes.lead ? { 'data-lead': 'true' } : {}),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        // A figure from elsewhere (a web page) has no file in this article: its caption is kept
        // as text by the other rules, and importing its picture is the importer's job.
        getAttrs: (element) =>
          ASSET_PATH_PATTERN.test(element.querySelector('img')?.getAttribute('src') ?? '')
            ? null
            : false,
        contentElement: (element) =>
          element.querySelector<HTMLElement>('figcaption .caption') ??
          element.querySelector<HTMLElement>('figcaption') ??
          element,
      },
    ]
  },

  addCommands() {
    return {
      insertFigure:
        ({ caption, ...attributes }) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: attributes,
            content: caption ? [{ type: 'text', text: caption }] : [],
          }),
      setLeadFigure:
        (position) =>
        ({ tr, state, dispatch }) => {
          const target = state.doc.nodeAt(position)
          if (target?.type.name !== this.name) return false
          if (dispatch) {
            state.doc.descendants((node, pos) => {
              if (node.type.name !== this.name) return
              const lead = pos === position
              if (node.attrs.lead !== lead) tr.setNodeAttribute(pos, 'lead', lead)
            })
          }
          return true
        },
    }
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, credit } = node.attrs as FigureAttributes
    const caption = ['span', { class: 'caption' }, 0] as const
    const creditSpec = credit ? [['span', { class: 'credit' }, credit]] : []
    return [
      'figure',
      mergeAttributes(HTMLAttributes),
      ['img', { src, alt }],
      ['figcaption', caption, ...creditSpec],
    ]
  },
})
