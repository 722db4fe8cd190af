/**
 * Who sent a request: one window of the desktop app or one tab of the browser host. Rules that
 * belong to one editor, such as who holds an article's lock, tell them apart by it.
 */
export interface RequestContext {
  client: string
}
/** The sender when none is named: the CLI, a test, a one-off script. */
export const THIS_PROCESS: RequestContext = { client: 'this-process' }
