import { z } from 'zod'
import type { ImportedImage } from '../assets/image-policy'
import { VersionIdSchema, type ArticleVersion, type VersionSummary } from '../history/version'
import type { RulePack } from '../style/rules'
import type { CopyfitReport } from '../copyfit/copyfit-report'
import { SlotIdSchema, type Slot } from '../copyfit/slot'
import type { ValidBlockMemory } from '../editor/validate-body'
import {
  ArticleFieldsSchema,
  editedFieldsSchema,
  SlugSchema,
  type Article,
  type ArticleSummary,
} from '../article'
import { EXPORT_FORMATS, type ExportedFile } from '../export/formats'
import type { PreflightReport } from '../export/preflight'
import { SettingsPatchSchema, type SettingsAnswer } from '../settings/schema'
import { DeskTokenSchema } from '../desk/desk-connection'
import type { DeskStoryList } from '../desk/desk-story-list'
import {
  DeskPresenceRequest,
  DeskJoinRequest,
  DeskPushRequest,
  type DeskJoinAnswer,
  type DeskSyncState,
} from '../desk/desk-sync'
import type { ChannelName, EventName } from './channels'
import type { CommandId } from '../commands/commands'
import type { Result } from '../result'
import type { ArticleLockState } from '../library/article-lock'
import type { LibraryListing } from '../library/library-listing'
import type { RecoveryOffer } from '../library/recovery-offer'
import type { RequestContext } from '../library/request-context'
import type { TrashEntry } from '../library/trash-entry'
import type { BatchExport } from '../export/batch-export'
import type { ParsedStory } from '../import/parsed-story'
import {
  PassagesRequestSchema,
  SearchQuerySchema,
  type Passages,
  type SearchResults,
} from '../search/search-query'

const EmptyRequest = z.object({})
const IdRequest = z.object({ id: z.uuid() })

export const CreateArticleRequest = ArticleFieldsSchema.partial()

/** A save names the revision it was based on, so a newer file on disk is never overwritten. */
const saveArticleRequest = (bodies: ValidBlockMemory) =>
  z.object({
    id: z.uuid(),
    baseRevision: z.number().int().min(1),
    fields: editedFieldsSchema(bodies),
  })

/** "Keep mine as a copy" after a conflict: the edited fields become a new article, images included. */
const saveAsCopyRequest = (bodies: ValidBlockMemory) =>
  z.object({ id: z.uuid(), fields: editedFieldsSchema(bodies) })

/** Bytes travel as a Uint8Array over Electron IPC, and as the raw request body over the browser host. */
export const ImportAssetRequest = z.object({
  articleId: z.uuid(),
  fileName: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
})

const ArticleIdRequest = z.object({ articleId: z.uuid() })
export const CreateVersionRequest = ArticleIdRequest.extend({
  label: z.string().max(200).default(''),
})
export const VersionRequest = ArticleIdRequest.extend({ versionId: VersionIdSchema })
/** Restoring names the revision it replaces, like a save. */
export const RestoreVersionRequest = VersionRequest.extend({
  baseRevision: z.number().int().min(1),
})

/** A rule pack the person chose, as text: validated in main before anything is kept. */
export const ImportStylePackRequest = z.object({
  fileName: z.string().min(1).max(255),
  text: z.string().max(2_000_000),
})

/** A story's texts, measured against a slot as the page would set them. */
export const CopyfitRequest = z.object({
  slotId: SlotIdSchema,
  headline: z.string().max(100_000),
  standfirst: z.string().max(1_000_000),
  paragraphs: z.array(z.string().max(1_000_000)).max(50_000),
})

export interface SlotsAnswer {
  slots: Slot[]
  /** Slot files that could not be used, with why. */
  problems: string[]
}

export interface StylePacksAnswer {
  packs: RulePack[]
  problems: string[]
}

/** Like a save, a rename names the revision it was based on, so it never overwrites a newer one. */
export const RenameRequest = z.object({
  id: z.uuid(),
  baseRevision: z.number().int().min(1),
  slug: SlugSchema,
})

export const ExportRequest = z.object({
  id: z.uuid(),
  format: z.enum(EXPORT_FORMATS),
  /** Export despite blocking preflight problems that may be overridden. */
  force: z.boolean().optional(),
  /** Word only: pending suggestions as tracked changes and comments as Word comments. */
  withChanges: z.boolean().optional(),
})

export const BatchExportRequest = z.object({
  ids: z.array(z.uuid()).min(1).max(1_000),
  format: z.enum(EXPORT_FORMATS),
})

export const ImportArticleRequest = z.object({
  fileName: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
})

/**
 * A whole page copied from a browser, as the HTML it put on the clipboard: read as an imported
 * web page is, to fill the story being written. Far more than a page's markup, styles inline.
 */
export const MAX_PASTED_PAGE_CHARACTERS = 20_000_000
export const ReadPageRequest = z.object({ html: z.string().max(MAX_PASTED_PAGE_CHARACTERS) })

/** A new article made from a file, and what the import left out or guessed. */
export interface ImportedArticle {
  article: Article
  notes: string[]
}

const recoveryWriteRequest = (bodies: ValidBlockMemory) =>
  z.object({
    articleId: z.uuid(),
    baseRevision: z.number().int().min(1),
    fields: editedFieldsSchema(bodies),
  })

export const SetDeskTokenRequest = z.object({ token: DeskTokenSchema.nullable() })

/** What the window opens first: a file the OS opened with the app, else the last article. */
export interface StartAnswer {
  open?: { id: string; notes: string[] }
}

/** A saved article as the save answers it: everything but the body, which the page sent. */
export type SavedArticle = Omit<Article, 'body'>

/** Declares a channel: the zod schema its request must pass, and the type of its answer. */
function channel<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({
    request,
    response: undefined as unknown as Result<Response>,
  })
}

/**
 * Every channel's request schema and answer type. The schemas of the requests that carry a story
 * (a save, a copy, a crash journal) remember, in `bodies`, the blocks they have found valid, so
 * each owner of a save path makes its own contract: the app's services make one, and nothing
 * about it is kept by this module.
 */
export const createContract = (bodies: ValidBlockMemory) =>
  ({
    'library:list': channel<LibraryListing>()(EmptyRequest),
    'app:start': channel<StartAnswer>()(EmptyRequest),
    'library:search': channel<SearchResults>()(SearchQuerySchema),
    'library:passages': channel<Passages>()(PassagesRequestSchema),
    'article:create': channel<Article>()(CreateArticleRequest),
    'article:open': channel<Article>()(IdRequest),
    'article:save': channel<SavedArticle>()(saveArticleRequest(bodies)),
    'article:duplicate': channel<Article>()(IdRequest),
    'article:rename': channel<Article>()(RenameRequest),
    'article:trash': channel<TrashEntry>()(IdRequest),
    /** Removes a story made with New article and left untouched; refused once anything was written. */
    'article:discard-untouched': channel<null>()(IdRequest),
    'trash:list': channel<TrashEntry[]>()(EmptyRequest),
    'article:restore': channel<Article>()(IdRequest),
    'article:export': channel<ExportedFile>()(ExportRequest),
    'article:preflight': channel<PreflightReport>()(z.object({ id: z.uuid() })),
    'articles:export': channel<BatchExport>()(BatchExportRequest),
    'article:import': channel<ImportedArticle>()(ImportArticleRequest),
    /** A pasted page read for the open story: nothing is written to the library. */
    'import:read-page': channel<ParsedStory>()(ReadPageRequest),
    'recovery:write': channel<null>()(recoveryWriteRequest(bodies)),
    'recovery:clear': channel<null>()(z.object({ articleId: z.uuid() })),
    'recovery:list': channel<RecoveryOffer[]>()(EmptyRequest),
    'article:lock': channel<ArticleLockState>()(z.object({ id: z.uuid() })),
    'article:unlock': channel<null>()(z.object({ id: z.uuid() })),
    'settings:get': channel<SettingsAnswer>()(EmptyRequest),
    'settings:update': channel<SettingsAnswer>()(SettingsPatchSchema),
    /** Keeps a new desk token, or forgets it (`null`): it goes to main and never comes back. */
    'desk:set-token': channel<SettingsAnswer>()(SetDeskTokenRequest),
    /** The desk's story list, asked of the desk server in Settings › Desk with the person's token. */
    'desk:stories': channel<DeskStoryList>()(EmptyRequest),
    /** "Send to desk": the local story becomes shared, its folder the offline copy. */
    'desk:send': channel<Article>()(IdRequest),
    /** A desk story brought into the library (or brought up to date there), ready to open. */
    'desk:open-story': channel<Article>()(IdRequest),
    /** The page starts editing a story: for a shared one, the shared state (see DeskJoinRequest). */
    'desk:join': channel<DeskJoinAnswer>()(DeskJoinRequest),
    /** A change the page made to a shared story, kept durably by main and sent to the desk. */
    'desk:push': channel<null>()(DeskPushRequest),
    /** Where this person's caret is in a shared story, for the others in it. */
    'desk:presence': channel<null>()(DeskPresenceRequest),
    /** The page no longer edits the story. */
    'desk:leave': channel<null>()(IdRequest),
    'article:save-as-copy': channel<Article>()(saveAsCopyRequest(bodies)),
    'library:create-sample': channel<Article>()(EmptyRequest),
    'asset:import': channel<ImportedImage>()(ImportAssetRequest),
    /** Desktop only: main's file dialog, then the same import as `asset:import`. */
    'asset:choose': channel<ImportedImage[]>()(z.object({ articleId: z.uuid() })),
    /** Desktop only: the renderer has saved everything and the window may close. */
    'window:close': channel<null>()(EmptyRequest),
    'version:list': channel<VersionSummary[]>()(ArticleIdRequest),
    'version:create': channel<VersionSummary>()(CreateVersionRequest),
    'version:open': channel<ArticleVersion>()(VersionRequest),
    'version:restore': channel<Article>()(RestoreVersionRequest),
    'style:packs': channel<StylePacksAnswer>()(EmptyRequest),
    'style:import': channel<RulePack>()(ImportStylePackRequest),
    'copyfit:slots': channel<SlotsAnswer>()(EmptyRequest),
    'copyfit:measure': channel<CopyfitReport>()(CopyfitRequest),
    'copyfit:import-slot': channel<Slot>()(ImportStylePackRequest),
    /** A quote's recording, kept in the story's folder for its source log. */
    'source:attach-recording': channel<{ path: string }>()(ImportAssetRequest),
  }) satisfies Record<ChannelName, { request: z.ZodType; response: unknown }>

export type Contract = ReturnType<typeof createContract>
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>
export type ResponseOf<C extends ChannelName> = Contract[C]['response']

/** Main's side: a handler per channel. Leaving one out does not compile. */

export type Handlers = {
  [C in ChannelName]: (
    request: ParsedRequestOf<C>,
    context: RequestContext,
  ) => Promise<ResponseOf<C>>
}

export interface EventPayloads {
  /** Main asks the page to save before the window closes; it answers with `window:close`. */
  'window:closing': Record<string, never>
  'library:changed': {
    id?: string
    /** `external`: seen on disk, written by this app or anyone else (another instance, a colleague). */
    change: 'created' | 'saved' | 'renamed' | 'trashed' | 'restored' | 'discarded' | 'external'
    /**
     * The article as the library now lists it; absent when it is no longer listed (trashed,
     * damaged, gone). The page updates its list from it, and tells its own save seen on disk from
     * someone else's by its revision, without reading the list or the article again.
     */
    summary?: ArticleSummary
  }
  /** A menu item was chosen in the desktop app: run the command as a shortcut would. */
  'app:command': { command: CommandId }
  /** Open this article: chosen in Open Recent, or a file the OS opened with Copydesk. */
  'app:open-article': { id: string; notes: string[] }
  /** A change to a shared story from the desk (another person), for the page editing it. */
  'desk:update': { id: string; update: string }
  /** Others in a shared story moved their caret, came or went: an awareness update, base64. */
  'desk:presence': { id: string; update: string }
  /** A shared story's standing with the desk changed. */
  'desk:sync': { id: string; sync: DeskSyncState; version: number }
  /** Pictures of a shared story came from the desk into its folder (by file name in assets/). */
  'desk:pictures': { id: string; names: string[] }
  /** A batch export under way: `done` of `total` articles. */
  'export:progress': { done: number; total: number }
}
export type EventPayloadOf<E extends EventName> = EventPayloads[E]
