import type { ReactNode } from 'react'

/**
 * The toolbar's icons: 24×24 strokes in the text colour, drawn here rather than taken from an
 * icon package, so the themes and the disabled look reach them through `currentColor`. They are
 * pictures only: the button around each one carries its name.
 */
const SHAPES = {
  save: (
    <>
      <path d="M5 4h11l3 3v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1z" />
      <path d="M8 4v5h7V4" />
      <path d="M8 20v-6h8v6" />
    </>
  ),
  suggest: (
    <>
      <path d="M4 20h4L19 9l-4-4L4 16z" />
      <path d="M13 7l4 4" />
      <path d="M13 20h7" strokeDasharray="2 2" />
    </>
  ),
  export: (
    <>
      <path d="M12 15V4" />
      <path d="M8 8l4-4 4 4" />
      <path d="M5 13v6a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-6" />
    </>
  ),
  desk: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="6" r="2.5" />
      <circle cx="18" cy="18" r="2.5" />
      <path d="M8.2 10.8l7.6-3.6M8.2 13.2l7.6 3.6" />
    </>
  ),
  duplicate: (
    <>
      <rect x="9" y="9" width="11" height="11" rx="1.5" />
      <path d="M15 5.5V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h.5" />
    </>
  ),
  trash: (
    <>
      <path d="M4 7h16" />
      <path d="M9 7V4.5h6V7" />
      <path d="M6 7l1 13h10l1-13" />
      <path d="M10 11v5.5M14 11v5.5" />
    </>
  ),
  bold: (
    <path d="M7 4.5h6a3.75 3.75 0 0 1 0 7.5H7zM7 12h7a3.75 3.75 0 0 1 0 7.5H7z" strokeWidth={2.6} />
  ),
  italic: <path d="M10 4.5h8M6 19.5h8M14.5 4.5l-5 15" />,
  link: (
    <>
      <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1.1 1.1" />
      <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1.1-1.1" />
    </>
  ),
  heading2: (
    <>
      <path d="M3 6v12M11 6v12M3 12h8" />
      <path d="M15 10.5a2.5 2.5 0 0 1 5 0c0 2-5 4-5 7.5h5" />
    </>
  ),
  heading3: (
    <>
      <path d="M3 6v12M11 6v12M3 12h8" />
      <path d="M15 8h5l-3 4a2.9 2.9 0 1 1-2.5 4.5" />
    </>
  ),
  bulletList: (
    <>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <circle cx="5" cy="6" r="1.3" fill="currentColor" />
      <circle cx="5" cy="12" r="1.3" fill="currentColor" />
      <circle cx="5" cy="18" r="1.3" fill="currentColor" />
    </>
  ),
  orderedList: (
    <>
      <path d="M11 6h9M11 12h9M11 18h9" />
      <path d="M4 4.5l1.5-1v5" strokeWidth={1.6} />
      <path d="M3.5 13.5a1.5 1.5 0 0 1 3 0c0 1.3-3 2.2-3 4h3" strokeWidth={1.6} />
    </>
  ),
  quote: <path d="M5 5v14M9.5 7H20M9.5 12H20M9.5 17h7" />,
  pullQuote: (
    <>
      <path d="M4 11h5v6H4zM4 11c0-3 1-5.5 4-6.5" />
      <path d="M13 11h5v6h-5zM13 11c0-3 1-5.5 4-6.5" />
    </>
  ),
  rule: (
    <>
      <path d="M3 12h18" />
      <path d="M7 6.5h10M7 17.5h10" strokeOpacity={0.45} />
    </>
  ),
  image: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="1.5" />
      <circle cx="9" cy="10" r="1.6" />
      <path d="M3.5 17l5-4.5 4 3.5 3-2.5 5 4" />
    </>
  ),
  table: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="1.5" />
      <path d="M3 10h18M3 14.5h18M9 5v14M15 5v14" />
    </>
  ),
  addRow: (
    <>
      <rect x="3" y="4" width="18" height="8" rx="1.5" />
      <path d="M12 15v6M9 18h6" />
    </>
  ),
  addColumn: (
    <>
      <rect x="4" y="3" width="8" height="18" rx="1.5" />
      <path d="M18 9v6M15 12h6" />
    </>
  ),
  deleteRow: (
    <>
      <rect x="3" y="4" width="18" height="8" rx="1.5" />
      <path d="M9 18h6" />
    </>
  ),
  deleteTable: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="1.5" />
      <path d="M9 9l6 6M15 9l-6 6" />
    </>
  ),
  comment: (
    <>
      <path d="M4 5h16v11H10l-5 4v-4H4z" />
      <path d="M12 8v5M9.5 10.5h5" />
    </>
  ),
  undo: (
    <>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </>
  ),
  redo: (
    <>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </>
  ),
  accept: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  reject: <path d="M6 6l12 12M18 6L6 18" />,
  close: <path d="M6 6l12 12M18 6L6 18" />,
  plus: <path d="M12 5v14M5 12h14" />,
} satisfies Record<string, ReactNode>

export type IconName = keyof typeof SHAPES

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  )
}
