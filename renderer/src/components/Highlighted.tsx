import { highlightParts } from '../../../shared/search/highlight'

/** Text with the words a search matched marked, for eyes and for screen readers (`<mark>`). */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>
  return (
    <>
      {highlightParts(text, terms).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : part.text,
      )}
    </>
  )
}
