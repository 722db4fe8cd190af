import { Extension } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'

const nativeContentEditable = Object.getOwnPropertyDescriptor(
  HTMLElement.prototype,
  'contentEditable',
)

/**
 * Keeps React from measuring the editor's selection on every React commit.
 *
 * Before each commit anywhere in the page, react-dom saves the focused element's selection when
 * that element is a text field or reports `contentEditable === "true"`; for a contenteditable it
 * walks every node inside it, reading every text node (react-dom 19.3,
 * `commitBeforeMutationEffects`). With a long story focused that is milliseconds per commit, and
 * a save commits several times (status, library list, counts): six commits of about 1.7 ms each
 * at 50,000 words, measured when this was written. A test guards the react-dom version. The saved offsets are only used to
 * put a selection back when a commit moved the focus away, and ProseMirror puts its own selection
 * back when its editor is focused again.
 *
 * So, to scripts, the editing host reports "inherit" where it would report "true". Editing is
 * untouched: the browser goes by the `contenteditable` attribute, which ProseMirror sets, and
 * `isContentEditable` still says true. A host that is not editable still reports "false", which
 * is all ProseMirror itself reads of this property.
 */
export const ReactSelectionOptOut = Extension.create({
  name: 'reactSelectionOptOut',
  addProseMirrorPlugins: () => [
    new Plugin({
      view(view) {
        const host = view.dom
        const { get, set } = nativeContentEditable ?? {}
        if (!get || !set) return {}
        Object.defineProperty(host, 'contentEditable', {
          configurable: true,
          get: () => {
            const value = get.call(host) as string
            return value === 'true' ? 'inherit' : value
          },
          set: (value: string) => set.call(host, value),
        })
        return { destroy: () => void delete (host as { contentEditable?: string }).contentEditable }
      },
    }),
  ],
})
