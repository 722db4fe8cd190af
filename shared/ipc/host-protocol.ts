/** The browser host's HTTP API, as both sides spell it. */
export const TOKEN_HEADER = 'x-copydesk-token'
export const INVOKE_PATH = '/api/invoke/'
export const EVENTS_PATH = '/api/events'
