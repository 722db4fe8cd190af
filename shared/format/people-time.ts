const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/**
 * The one way Copydesk shows a moment to a person, in the app and in messages from main:
 * "14:05" (or "2:05 PM", as the system's locale writes it) for today, "28 Nov 2026, 14:05"
 * otherwise. Never an ISO timestamp.
 */
export function formatPeopleTime(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toDateString() === now.toDateString()
    ? timeOnly.format(date)
    : dateAndTime.format(date)
}
