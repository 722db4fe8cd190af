/**
 * The ninjs `profile` of Copydesk's stories ("an identifier for the structure of the news
 * object", provider-specific by the standard): it tells Copydesk that an item is its own, to be
 * read back exactly rather than tidied as an agency's.
 */
export const NINJS_PROFILE = 'copydesk-story'
