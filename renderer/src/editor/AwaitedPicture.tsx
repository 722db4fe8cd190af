import { useRef, useState } from 'react'
import { useEditorStore } from '../stores/editor-store'
import { imageFilesOf, importImageFiles } from './image-insertion'

interface Props {
  sourceUrl: string
  disabled: boolean
  /** The asset path of the picture chosen for this figure. */
  onPicture: (src: string) => void
}

/**
 * Where a figure's picture will go: an import found it only on the web (Copydesk downloads
 * nothing), or in a file that carried its words but not the picture. The person drops the file here (the body's drop handler fills this figure) or chooses
 * it; the caption, credit and alt text stay as they are.
 */
export function AwaitedPicture({ sourceUrl, disabled, onPicture }: Props) {
  const articleId = useEditorStore((state) => state.article?.id)
  const input = useRef<HTMLInputElement>(null)
  const [problem, setProblem] = useState<string>()

  const choose = async (files: File[]) => {
    if (!articleId || files.length === 0) return
    const result = await importImageFiles(articleId, files.slice(0, 1))
    if (!result.ok) return setProblem(result.error.message)
    const [picture] = result.value
    if (picture) onPicture(picture.src)
  }

  return (
    <div
      className="figure-missing figure-awaited"
      role="group"
      aria-label={sourceUrl ? 'Picture not downloaded' : 'Picture not included'}
      contentEditable={false}
    >
      {sourceUrl ? (
        <p>
          Picture not downloaded, from <span className="source-url">{sourceUrl}</span>
        </p>
      ) : (
        <p>This picture’s words came without the picture.</p>
      )}
      <p>Drop the picture file here, or</p>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        Choose picture…
      </button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        hidden
        aria-label="Picture file"
        onChange={(event) => {
          void choose(imageFilesOf(event.target.files))
          event.target.value = ''
        }}
      />
      {problem && <p role="alert">{problem}</p>}
    </div>
  )
}
