/** What Copydesk's pages say made them, so that Copydesk reads its own pages back exactly. */
export const PAGE_GENERATOR = 'Copydesk'
