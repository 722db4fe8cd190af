/** An article in the library's trash, which Undo or Restore brings back. */
export interface TrashEntry {
  id: string
  headline: string
  folder: string
  trashedAt: string
}
