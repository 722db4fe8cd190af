/** The browser host's HTTP API, as both sides spell it. */
export const TOKEN_HEADER = 'x-copydesk-token'
export const INVOKE_PATH = '/api/invoke/'
export const EVENTS_PATH = '/api/events'
/** Names the tab a request comes from (see RequestContext); the event stream takes it as `client`. */
export const CLIENT_HEADER = 'x-copydesk-client'
/** A tab's name: random, made once per page load. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
