import type { EditorView } from '@tiptap/pm/view'
import { CurrentBlock } from './current-block'
import { CopyfitOverflow } from './copyfit-overflow'
import { STORY_CORE_EXTENSIONS } from './core-extensions'
import { FindReplace } from './find-replace'
import Collaboration from '@tiptap/extension-collaboration'
import Typography from '@tiptap/extension-typography'
import { STORY_PARTS } from '../../../shared/desk/story-document'
import type { SharedStory } from '../stores/shared-story'
import { sharedCarets } from './shared-carets'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, ReactNodeViewRenderer, useEditor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { TiptapNode } from '../../../shared/article'
import { articleBodyExtensions } from '../../../shared/editor'
import { encodeBody } from '../../../shared/editor/encode-body'
import { client } from '../api/client'
import { useEditorStore } from '../stores/editor-store'
import { countBodyBlocks } from './body-counts'
import { BodyToolbar } from './BodyToolbar'
import { useFieldEditors } from '../stores/field-editors'
import { CleanPaste, holdLargePaste, pastedImageFiles, type HeldPaste } from './clean-paste'
import { LargePasteDialog, type LargePasteChoice } from '../components/LargePasteDialog'
import { FigureView } from './FigureView'
import { FigureFallback } from './figure-fallback'
import { HouseStyle } from './house-style'
import { awaitedFigureAt } from './awaited-figure'
import { pasteCopiedPage } from './copied-page-paste'
import { imageFilesOf, importImageFiles, insertFigures } from './image-insertion'
import { STORY_FIELD_ATTRIBUTE } from './story-fields'
import { SuggestionAtCursor } from './SuggestionAtCursor'
import { ReactSelectionOptOut } from './react-selection-opt-out'
import { suggestChangesForField } from './suggest-changes-for-field'

/** Counting commits the Counts panel: it waits until typing pauses. */
const COUNT_DELAY_MS = 300

interface Props {
  articleId: string
  initialBody: TiptapNode
  /** A shared story's document: the body is edited in it, live with everyone else in the story. */
  shared?: SharedStory
}

/** The rich-text body: the shared article schema, edited with TipTap, images by button, drop or paste. */
export function BodyEditor({ articleId, initialBody, shared }: Props) {
  const bodyEdited = useEditorStore((state) => state.bodyEdited)
  const setBodySource = useEditorStore((state) => state.setBodySource)
  const setBodyCounts = useEditorStore((state) => state.setBodyCounts)
  const [imageProblem, setImageProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  /** A very large paste, held back until the person says what to do with it. */
  const [largePaste, setLargePaste] = useState<HeldPaste>()
  const fileInput = useRef<HTMLInputElement>(null)
  const countTimer = useRef<ReturnType<typeof setTimeout>>(undefined)

  /** Sends picture files to main; undefined when refused (said under the toolbar) or too late. */
  const importPictures = async (files: File[]) => {
    setBusy(true)
    const result = await importImageFiles(articleId, files)
    setBusy(false)
    // The person may have switched article while the image was on its way.
    if (editor.isDestroyed) return undefined
    setImageProblem(result.ok ? undefined : result.error.message)
    return result.ok ? result.value : undefined
  }

  const addImages = async (files: File[], at?: (view: EditorView) => number | undefined) => {
    if (files.length === 0) return
    const images = await importPictures(files)
    if (images) insertFigures(editor, images, at?.(editor.view))
  }

  /** A picture dropped on a figure that awaits one becomes that figure's picture. */
  const fillFigure = async (files: File[], position: number) => {
    const [picture] = (await importPictures(files)) ?? []
    if (!picture) return
    const figure = editor.state.doc.nodeAt(position)
    if (figure?.type.name !== 'figure') return
    editor.view.dispatch(
      editor.state.tr.setNodeMarkup(position, undefined, {
        ...figure.attrs,
        src: picture.src,
        sourceUrl: '',
      }),
    )
  }

  const assetUrl = (src: string) => client.assetUrl(articleId, src)
  const editor = useEditor({
    enableCoreExtensions: STORY_CORE_EXTENSIONS,
    extensions: [
      ...articleBodyExtensions({
        assetUrl,
        figureNodeView: ReactNodeViewRenderer(FigureView),
        shared: shared !== undefined,
      }),
      ...(shared
        ? [
            Collaboration.configure({ document: shared.doc, field: STORY_PARTS.body }),
            sharedCarets(shared.awareness),
          ]
        : []),
      FigureFallback.configure({ assetUrl }),
      Typography,
      Placeholder.configure({ placeholder: 'Write the story…' }),
      HouseStyle.configure({ field: 'Body' }),
      CleanPaste,
      FindReplace,
      CurrentBlock,
      CopyfitOverflow,
      ReactSelectionOptOut,
      suggestChangesForField(),
    ],
    // A shared body comes from its document; given here too, it would be added to it again.
    content: shared ? undefined : initialBody,
    editorProps: {
      attributes: {
        'aria-label': 'Body',
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'body-editor',
        [STORY_FIELD_ATTRIBUTE]: '',
      },
      handleDrop: (view, event) => {
        const files = imageFilesOf(event.dataTransfer?.files)
        if (files.length === 0) return false
        event.preventDefault()
        const coordinates = { left: event.clientX, top: event.clientY }
        const awaiting = awaitedFigureAt(
          view.state.doc,
          view.posAtCoords(coordinates)?.inside ?? -1,
        )
        if (awaiting !== undefined) void fillFigure(files.slice(0, 1), awaiting)
        else void addImages(files, (current) => current.posAtCoords(coordinates)?.pos)
        return true
      },
      handleDOMEvents: {
        // Before ProseMirror reads the clipboard: reading 2 MB of it takes seconds.
        paste: (view, event) => {
          if (!view.editable) return false
          if (pasteCopiedPage(event.clipboardData)) {
            event.preventDefault()
            return true
          }
          const held = holdLargePaste(event.clipboardData)
          if (!held) return false
          event.preventDefault()
          setLargePaste(held)
          return true
        },
      },
      handlePaste: (_view, event) => {
        const files = imageFilesOf(event.clipboardData?.files)
        if (files.length > 0) {
          void addImages(files)
          return true
        }
        // Pictures inside pasted HTML are stored as assets once the text is in.
        const pictures = pastedImageFiles(event.clipboardData?.getData('text/html') ?? '')
        if (pictures.length > 0) setTimeout(() => void addImages(pictures), 0)
        return false
      },
    },
    onUpdate: ({ editor: current }) => {
      bodyEdited()
      clearTimeout(countTimer.current)
      countTimer.current = setTimeout(
        () => setBodyCounts(countBodyBlocks(current.state.doc)),
        COUNT_DELAY_MS,
      )
    },
  })

  const registerForStyle = useFieldEditors((state) => state.register)
  useEffect(() => {
    registerForStyle('Body', editor)
    return () => registerForStyle('Body', undefined)
  }, [editor, registerForStyle])

  useEffect(() => {
    setBodySource(() => encodeBody(editor.state.doc))
    // Counted as the story will read with its suggestions accepted, not as it shows them.
    setBodyCounts(countBodyBlocks(editor.state.doc))
    // The first edit is journaled at once, and encoding every block of a long story for it took
    // the first keystroke 17 ms at 50,000 words: encode them while the page is idle instead, so
    // that edit only encodes the block it changed.
    const warm = requestIdleCallback(() => encodeBody(editor.state.doc))
    return () => {
      cancelIdleCallback(warm)
      clearTimeout(countTimer.current)
      setBodySource(undefined)
    }
  }, [editor, setBodySource, setBodyCounts])

  /**
   * Goes on with a held paste as the person chose. The question closes first (focus back in the
   * body, where the caret was), then the paste goes in at once: keys typed next come after it.
   */
  const pasteHeld = (held: HeldPaste, choice: LargePasteChoice) => {
    flushSync(() => setLargePaste(undefined))
    if (choice === 'cancel' || editor.isDestroyed) return
    const data = new DataTransfer()
    if (choice === 'paste' && held.html) data.setData('text/html', held.html)
    data.setData('text/plain', held.text)
    // The ordinary paste, from the clipboard as it was: cleaning, pictures, Suggest edits.
    const event = new ClipboardEvent('paste', { clipboardData: data })
    if (choice === 'paste' && held.html) editor.view.pasteHTML(held.html, event)
    else editor.view.pasteText(held.text, event)
  }

  const chooseImages = async () => {
    if (!client.isDesktop) return fileInput.current?.click()
    setBusy(true)
    const result = await client.invoke('asset:choose', { articleId })
    setBusy(false)
    if (editor.isDestroyed) return
    if (!result.ok) return setImageProblem(result.error.message)
    setImageProblem(undefined)
    insertFigures(editor, result.value)
  }

  return (
    <div className="field body-field">
      <span className="field-label" aria-hidden="true">
        Body
      </span>
      <BodyToolbar editor={editor} onInsertImage={() => void chooseImages()} />
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        multiple
        hidden
        aria-label="Choose images"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = ''
          void addImages(files)
        }}
      />
      {busy && <p className="hint">Adding image…</p>}
      {imageProblem && (
        <p role="alert" className="error">
          {imageProblem} Nothing was inserted.
        </p>
      )}
      <EditorContent editor={editor} className="body" />
      {largePaste && (
        <LargePasteDialog held={largePaste} onChoose={(choice) => pasteHeld(largePaste, choice)} />
      )}
      <SuggestionAtCursor editor={editor} />
    </div>
  )
}
