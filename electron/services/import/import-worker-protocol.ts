import type { TiptapNode } from '../../../shared/article'
import type { ParsedStory } from '../../../shared/import/parsed-story'
import type { ParseableFormat } from '../../../shared/import/import-formats'
import type { EmbeddedCaption } from '../library/image-metadata'
import type { BodyOptions } from './html-to-body'

export type WorkerJob =
  | { kind: 'parse'; format: ParseableFormat; bytes: Uint8Array }
  | { kind: 'body'; html: string; options: BodyOptions }
  | { kind: 'caption'; bytes: Uint8Array }

export interface WorkerRequest {
  id: number
  job: WorkerJob
}

export type WorkerValue = ParsedStory | TiptapNode | EmbeddedCaption

export type WorkerAnswer =
  { id: number; ok: true; value: WorkerValue } | { id: number; ok: false; problem: string }

/** Sent once by the reader when it has loaded and listens: its time limits count from then. */
export interface WorkerReady {
  ready: true
}
