import { Node } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the current paragraph into a pull quote, or back into a paragraph. */
      togglePullQuote: () => ReturnType
    }
  }
}

/** A quote lifted out of the story and set large: display only, the story text stays as it is. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [{ tag: 'aside.pull-quote', contentElement: 'p' }]
  },

  renderHTML() {
    return ['aside', { class: 'pull-quote' }, ['p', 0]]
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    }
  },
})
