/**
 * The names alone, free of dependencies, so the sandboxed preload can allow-list them without
 * bundling zod. `contract.ts` is checked against this list at compile time.
 */
export const CHANNEL_NAMES = [
  'library:list',
  'library:search',
  'library:passages',
  'article:create',
  'article:open',
  'article:save',
  'article:duplicate',
  'article:rename',
  'article:trash',
  'article:discard-untouched',
  'trash:list',
  'article:restore',
  'article:export',
  'article:preflight',
  'articles:export',
  'article:import',
  'import:read-page',
  'recovery:write',
  'recovery:clear',
  'recovery:list',
  'article:lock',
  'article:unlock',
  'settings:get',
  'settings:update',
  'article:save-as-copy',
  'library:create-sample',
  'asset:import',
  'asset:choose',
  'window:close',
  'version:list',
  'version:create',
  'version:open',
  'version:restore',
  'style:packs',
  'style:import',
  'copyfit:slots',
  'copyfit:measure',
  'copyfit:import-slot',
  'source:attach-recording',
  'app:start',
  'desk:set-token',
  'desk:stories',
  'desk:send',
  'desk:open-story',
  'desk:join',
  'desk:push',
  'desk:presence',
  'desk:leave',
] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]

export const EVENT_NAMES = [
  'library:changed',
  'window:closing',
  'app:command',
  'app:open-article',
  'export:progress',
  'desk:update',
  'desk:sync',
  'desk:presence',
  'desk:pictures',
] as const
export type EventName = (typeof EVENT_NAMES)[number]

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name)

/** The Electron IPC channel an event travels on, main to page: one prefix, kept apart from invokes. */
export const eventChannel = (event: EventName): string => `event:${event}`
