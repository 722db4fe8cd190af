import { Mark } from '@tiptap/core'
import { asMarkup } from './markup'

/**
 * Where a comment thread is anchored in the body. The mark moves with the text as it is edited;
 * the thread itself lives in the article's `comments`. Exports drop both.
 */
export const CommentMark = Mark.create({
  name: 'comment',
  // Threads may overlap: the same text can carry several comment marks with different ids.
  excludes: '',
  inclusive: false,

  addAttributes() {
    return {
      threadId: {
        default: '',
        parseHTML: (element) => asMarkup(element).getAttribute('data-comment') ?? '',
        renderHTML: (attributes) => ({ 'data-comment': String(attributes.threadId) }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-comment]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0]
  },
})
