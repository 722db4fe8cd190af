import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useState } from 'react'
import type { FigureAttributes, FigureOptions } from '../../../shared/editor/figure'
import { StyleHint } from '../components/StyleHint'

/** The figure as the editor shows it: the image, its editable caption, credit, alt text and lead flag. */
export function FigureView({
  node,
  updateAttributes,
  deleteNode,
  editor,
  getPos,
  extension,
}: ReactNodeViewProps) {
  const { src, alt, credit, lead } = node.attrs as FigureAttributes
  const [missingSrc, setMissingSrc] = useState<string>()
  const url = (extension.options as FigureOptions).assetUrl(src)
  const missing = missingSrc === src

  return (
    <NodeViewWrapper as="figure" className={lead ? 'figure lead' : 'figure'} data-drag-handle="">
      {missing ? (
        <div className="figure-missing" role="img" aria-label={`Missing image: ${src}`}>
          Image file missing: <code>{src}</code>
        </div>
      ) : (
        <img src={url} alt={alt} onError={() => setMissingSrc(src)} draggable={false} />
      )}
      <NodeViewContent<'figcaption'>
        as="figcaption"
        className="caption"
        role="textbox"
        aria-label="Caption"
      />
      <div className="figure-fields" contentEditable={false}>
        <label>
          <span>Credit</span>
          <input
            value={credit}
            onChange={(event) => updateAttributes({ credit: event.target.value })}
            placeholder="Photographer/Agency"
          />
        </label>
        <label>
          <span>Alt text</span>
          <input
            value={alt}
            onChange={(event) => updateAttributes({ alt: event.target.value })}
            placeholder="What the image shows, for people who cannot see it"
          />
        </label>
        <label className="lead-toggle">
          <input
            type="checkbox"
            checked={lead}
            onChange={() => {
              const position = getPos()
              if (typeof position !== 'number') return
              if (lead) updateAttributes({ lead: false })
              else editor.commands.setLeadFigure(position)
            }}
          />
          <span>Lead image</span>
        </label>
        <button type="button" onClick={deleteNode} aria-label={`Remove image ${src}`}>
          Remove
        </button>
      </div>
      <div contentEditable={false}>
        <StyleHint
          field="Credit"
          value={credit}
          onFix={(fixed) => updateAttributes({ credit: fixed })}
        />
        <StyleHint
          field="Alt text"
          value={alt}
          onFix={(fixed) => updateAttributes({ alt: fixed })}
        />
      </div>
    </NodeViewWrapper>
  )
}
