import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useState } from 'react'
import {
  awaitsPicture,
  type FigureAttributes,
  type FigureOptions,
} from '../../../shared/editor/figure'
import { AwaitedPicture } from './AwaitedPicture'
import { StyleHint } from '../components/StyleHint'
import { useEditorStore } from '../stores/editor-store'
import { usePictureArrivals } from '../stores/picture-arrivals'
import { useSuggestMode } from '../stores/suggestion-store'

type TextAttribute = 'credit' | 'alt' | 'creator' | 'copyright' | 'source'

/** The rights fields, as the picture's own metadata names them (IPTC photo metadata). */
const RIGHTS_FIELDS = [
  { name: 'creator', label: 'Photographer', placeholder: 'Who took or made the picture' },
  { name: 'copyright', label: 'Copyright notice', placeholder: '© 2026 Agency Ltd' },
  { name: 'source', label: 'Source', placeholder: 'Agency or pool that supplied it' },
] as const

/** The figure as the editor shows it: the image, its editable caption, credit, alt text and lead flag. */
export function FigureView({
  node,
  updateAttributes,
  deleteNode,
  editor,
  getPos,
  extension,
}: ReactNodeViewProps) {
  const attributes = node.attrs as FigureAttributes
  const { src, sourceUrl, alt, credit, lead } = attributes
  const [missing, setMissing] = useState<{ src: string; arrival: number }>()
  // A shared story's picture may come from the desk after the figure was drawn: it is then
  // asked for again, past whatever the browser remembers of the failed request.
  const arrival = usePictureArrivals(
    (state) => state.arrivals[src.slice(src.indexOf('/') + 1)] ?? 0,
  )
  const assetUrl = (extension.options as FigureOptions).assetUrl(src)
  const url = arrival
    ? `${assetUrl}${assetUrl.includes('?') ? '&' : '?'}arrival=${arrival}`
    : assetUrl
  const isMissing = missing?.src === src && missing.arrival === arrival
  const suggesting = useSuggestMode((state) => state.enabled)
  const readOnly = useEditorStore((state) => state.lock?.editable === false)
  const shared = useEditorStore((state) => state.shared !== undefined)

  /** In Suggest edits a credit or alt text change is proposed, keeping the text it replaces. */
  const setText = (name: TextAttribute, value: string) => {
    const position = getPos()
    if (suggesting && typeof position === 'number') {
      editor.commands.suggestNodeAttribute(position, name, value)
    } else {
      updateAttributes({ [name]: value })
    }
  }
  const proposedChange = (name: TextAttribute) => {
    const mark = node.marks.find(
      (candidate) => candidate.type.name === 'modification' && candidate.attrs.attrName === name,
    )
    return mark ? String(mark.attrs.previousValue ?? '') : undefined
  }
  const replaced = (name: TextAttribute) => {
    const previous = proposedChange(name)
    return previous === undefined ? null : (
      <span className="suggested-replacement">
        Suggested change from <del>{previous || '(empty)'}</del>
      </span>
    )
  }

  return (
    <NodeViewWrapper as="figure" className={lead ? 'figure lead' : 'figure'} data-drag-handle="">
      {awaitsPicture({ src, sourceUrl }) ? (
        <AwaitedPicture
          sourceUrl={sourceUrl}
          disabled={readOnly}
          onPicture={(picture) => updateAttributes({ src: picture, sourceUrl: '' })}
        />
      ) : isMissing ? (
        shared ? (
          <div className="figure-missing" role="img" aria-label={`Picture on its way: ${src}`}>
            Picture on its way from the desk: it comes once whoever added it is online.
          </div>
        ) : (
          <div className="figure-missing" role="img" aria-label={`Missing image: ${src}`}>
            Image file missing: <code>{src}</code>
          </div>
        )
      ) : (
        <img src={url} alt={alt} onError={() => setMissing({ src, arrival })} draggable={false} />
      )}
      <NodeViewContent<'figcaption'>
        as="figcaption"
        className="caption"
        role="textbox"
        aria-label="Caption"
      />
      <fieldset
        className="figure-fields plain-fieldset"
        contentEditable={false}
        disabled={readOnly}
      >
        <label>
          <span>Credit</span>
          <input
            value={credit}
            onChange={(event) => setText('credit', event.target.value)}
            placeholder="Photographer/Agency"
            className={proposedChange('credit') === undefined ? undefined : 'suggested'}
          />
          {replaced('credit')}
        </label>
        <label>
          <span>Alt text</span>
          <input
            value={alt}
            onChange={(event) => setText('alt', event.target.value)}
            placeholder="What the image shows, for people who cannot see it"
            className={proposedChange('alt') === undefined ? undefined : 'suggested'}
          />
          {replaced('alt')}
        </label>
        <details className="figure-rights">
          <summary>Rights{attributes.copyright ? `: ${attributes.copyright}` : ''}</summary>
          <div className="figure-rights-fields">
            {RIGHTS_FIELDS.map(({ name, label, placeholder }) => (
              <label key={name}>
                <span>{label}</span>
                <input
                  value={attributes[name]}
                  onChange={(event) => setText(name, event.target.value)}
                  placeholder={placeholder}
                  className={proposedChange(name) === undefined ? undefined : 'suggested'}
                />
                {replaced(name)}
              </label>
            ))}
          </div>
        </details>
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
        <button type="button" onClick={deleteNode} aria-label={`Remove image ${src || sourceUrl}`}>
          Remove
        </button>
      </fieldset>
      <div contentEditable={false}>
        <StyleHint field="Credit" value={credit} onFix={(fixed) => setText('credit', fixed)} />
        <StyleHint field="Alt text" value={alt} onFix={(fixed) => setText('alt', fixed)} />
      </div>
    </NodeViewWrapper>
  )
}
