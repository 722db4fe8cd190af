/** Whether this app may edit an article, or who has it open for editing and since when. */
export type ArticleLockState =
  | { editable: true }
  | {
      editable: false
      holder: {
        name: string
        since: string
        /** Held by another window or tab of this same app, not by another desk. */
        elsewhere?: 'window'
      }
    }
