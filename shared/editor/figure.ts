import { Node, mergeAttributes } from '@tiptap/core'
import type { Mappable } from '@tiptap/pm/transform'
import { asMarkup } from './markup'

/** Figures point at a file in the article's own `assets/` folder, never outside it. */
export const ASSET_PATH_PATTERN = /^assets\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

/** Where a picture that was not downloaded is on the web. */
export const WEB_PICTURE_PATTERN = /^https?:\/\/[^\s"<>]{1,2000}$/i

/**
 * A figure waiting for its picture: an import found it only on the web (Copydesk downloads
 * nothing), or in a file that carried its words but not the picture (a single exported HTML,
 * NITF or ninjs file). Its words are kept; the picture file is dropped on it (or chosen) later.
 */
export const awaitsPicture = (attributes: Partial<FigureAttributes>): boolean => !attributes.src

/** The HTML attribute that marks a figure awaiting its picture, in the editor and in imports. */
export const AWAITS_PICTURE_ATTRIBUTE = 'data-awaits-picture'

export interface FigureAttributes {
  /** Asset path inside the article folder, e.g. `assets/3f2a….jpg`; empty while it awaits one. */
  src: string
  /** For a figure that awaits its picture: where the picture is on the web. */
  sourceUrl: string
  /** Alt text for people who cannot see the image. Never guessed. */
  alt: string
  /** Photographer or agency, shown after the caption. */
  credit: string
  /**
   * The picture's rights as its own metadata states them (IPTC Creator, Copyright Notice and
   * Source), kept apart from the credit line: a credit is not a copyright notice.
   */
  creator: string
  copyright: string
  source: string
  /** The story's lead image: at most one figure per article. */
  lead: boolean
}

/** The rights attributes, as figure elements carry them in HTML (`data-creator` and so on). */
export const PICTURE_RIGHTS = ['creator', 'copyright', 'source'] as const
export type PictureRights = Pick<FigureAttributes, (typeof PICTURE_RIGHTS)[number]>

/** A figure to insert: its attributes and its caption's text. */
export type NewFigure = Partial<FigureAttributes> & { src: string; caption?: string }

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure at the cursor, or after the selection (which stays selected). */
      insertFigure: (figure: NewFigure) => ReturnType
      /** Inserts figures at `position`, else at the cursor or after the selection. */
      insertFigures: (figures: NewFigure[], position?: number) => ReturnType
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
 * The mapping, with a position where content was inserted staying before that content: a
 * selection ending where the figure went in keeps its end, rather than stretching over it.
 */
const keepingEnds = (mapping: Mappable): Mappable => ({
  map: (position) => mapping.map(position, -1),
  mapResult: (position) => mapping.mapResult(position, -1),
})

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
        parseHTML: (element) => asMarkup(element).querySelector('img')?.getAttribute('src') ?? '',
        renderHTML: () => ({}),
      },
      sourceUrl: {
        default: '',
        parseHTML: (element) => {
          const address = asMarkup(element).getAttribute('data-source-url') ?? ''
          return WEB_PICTURE_PATTERN.test(address) ? address : ''
        },
        renderHTML: () => ({}),
      },
      alt: {
        default: '',
        parseHTML: (element) => asMarkup(element).querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      credit: {
        default: '',
        parseHTML: (element) =>
          asMarkup(element).querySelector('.credit')?.textContent?.trim() ?? '',
        renderHTML: () => ({}),
      },
      ...Object.fromEntries(
        PICTURE_RIGHTS.map((name) => [
          name,
          {
            default: '',
            parseHTML: (element: unknown) =>
              asMarkup(element).getAttribute(`data-${name}`)?.trim() ?? '',
            renderHTML: (attributes: Record<string, unknown>) =>
              attributes[name] ? { [`data-${name}`]: String(attributes[name]) } : {},
          },
        ]),
      ),
      lead: {
        default: false,
        parseHTML: (element) => asMarkup(element).hasAttribute('data-lead'),
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
        getAttrs: (element) => {
          const figure = asMarkup(element)
          return ASSET_PATH_PATTERN.test(figure.querySelector('img')?.getAttribute('src') ?? '') ||
            figure.hasAttribute(AWAITS_PICTURE_ATTRIBUTE)
            ? null
            : false
        },
        contentElement: (element) => {
          const figure = asMarkup(element)
          const caption =
            figure.querySelector('figcaption .caption') ?? figure.querySelector('figcaption')
          return caption ? (caption as unknown as typeof element) : element
        },
      },
    ]
  },

  addCommands() {
    return {
      insertFigure:
        (figure) =>
        ({ commands }) =>
          commands.insertFigures([figure]),
      insertFigures:
        (figures, position) =>
        ({ tr, dispatch, commands }) => {
          const content = figures.map(({ caption, ...attributes }) => ({
            type: this.name,
            attrs: attributes,
            content: caption ? [{ type: 'text', text: caption }] : [],
          }))
          if (content.length === 0) return false
          if (position !== undefined) return commands.insertContentAt(position, content)
          // Inserting over a selection replaces it: the words selected would be gone (or, when
          // suggesting, marked for deletion). The figures go after them, and they stay selected.
          const { selection } = tr
          const { $to } = selection
          // In a caption, they would split that figure in two, each half with the same picture.
          const at = $to.parent.type.name === this.name ? $to.after() : selection.to
          const keep = !selection.empty
          if (!commands.insertContentAt(at, content, { updateSelection: !keep })) return false
          if (keep && dispatch) tr.setSelection(selection.map(tr.doc, keepingEnds(tr.mapping)))
          return true
        },
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
    const { src, sourceUrl, alt, credit } = node.attrs as FigureAttributes
    const caption = ['span', { class: 'caption' }, 0] as const
    const creditSpec = credit ? [['span', { class: 'credit' }, credit]] : []
    const waiting = awaitsPicture({ src, sourceUrl })
    return [
      'figure',
      mergeAttributes(
        HTMLAttributes,
        waiting ? { [AWAITS_PICTURE_ATTRIBUTE]: '', 'data-source-url': sourceUrl || null } : {},
      ),
      waiting ? ['img', { alt }] : ['img', { src, alt }],
      ['figcaption', caption, ...creditSpec],
    ]
  },
})
