const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** "14:05" for today, "28 Nov 2026, 14:05" otherwise: what a list of stories needs. */
export function formatUpdated(iso: string, now = new Date()): string {
  const date = new Date(iso)
  return date.toDateString() === now.toDateString() ? timeOnly.format(date) : formatter.format(date)
}
