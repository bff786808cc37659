import type { Payload, PayloadRequest } from 'payload'

import type { Release as ReleaseDoc } from '../payload-types'
import type { ReleaseSource } from './assemble'
import { importedFromOf } from './importedFrom'
import type { ChangeType, Release, ReleaseContent, ReleaseSummary } from './types'

const system = { overrideAccess: true, depth: 0 } as const

export type StoredRelease = Release & { id: number | string; sources: ReleaseSource[] }
export type StoredReleaseSummary = ReleaseSummary & { id: number | string }

const toReleaseSummary = (doc: Omit<ReleaseDoc, 'content' | 'sources'>): StoredReleaseSummary => ({
  id: doc.id,
  locale: doc.locale,
  number: doc.number,
  summary: doc.summary,
  changeType: doc.changeType as ChangeType,
  effectiveAt: doc.effectiveAt,
  publishedAt: doc.publishedAt,
  publishedBy: doc.publishedBy,
  approvers: Array.isArray(doc.approvers) ? doc.approvers.map(String) : [],
  contentHash: doc.contentHash,
  rollbackOf: doc.rollbackOf ?? null,
  urgencyReason: doc.urgencyReason ?? null,
  sourceReleaseNumber: doc.sourceReleaseNumber ?? null,
  importedFrom: importedFromOf(doc),
})

export const toRelease = (doc: ReleaseDoc): StoredRelease => ({
  ...toReleaseSummary(doc),
  content: doc.content as ReleaseContent,
  sources: Array.isArray(doc.sources) ? (doc.sources as ReleaseSource[]) : [],
})

/**
 * Every release of a locale without its content, oldest first: all a timeline needs, and a small
 * read however many releases there are.
 */
export const listReleaseSummaries = async (
  payload: Payload,
  locale: string,
  req?: PayloadRequest,
): Promise<StoredReleaseSummary[]> => {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { locale: { equals: locale } },
    sort: 'number',
    limit: 0,
    pagination: false,
    select: { content: false, sources: false },
    ...(req ? { req } : {}),
    ...system,
  })
  return docs.map((doc) => toReleaseSummary(doc as Omit<ReleaseDoc, 'content' | 'sources'>))
}

export type ReleaseBody = { content: ReleaseContent; sources: ReleaseSource[] }

/** One release's content and the documents it holds; releases never change, so a caller may keep them as long as it likes. */
export const readReleaseBody = async (
  payload: Payload,
  id: number | string,
  req?: PayloadRequest,
): Promise<ReleaseBody> => {
  const doc = await payload.findByID({
    collection: 'releases',
    id,
    select: { content: true, sources: true },
    ...(req ? { req } : {}),
    ...system,
  })
  return {
    content: doc.content as ReleaseContent,
    sources: Array.isArray(doc.sources) ? (doc.sources as ReleaseSource[]) : [],
  }
}

export const latestRelease = async (
  payload: Payload,
  locale: string,
  req?: PayloadRequest,
): Promise<StoredRelease | null> => {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { locale: { equals: locale } },
    sort: '-number',
    limit: 1,
    ...(req ? { req } : {}),
    ...system,
  })
  return docs[0] ? toRelease(docs[0]) : null
}

export const findRelease = async (
  payload: Payload,
  locale: string,
  number: number,
  req?: PayloadRequest,
): Promise<StoredRelease | null> => {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { and: [{ locale: { equals: locale } }, { number: { equals: number } }] },
    limit: 1,
    ...(req ? { req } : {}),
    ...system,
  })
  return docs[0] ? toRelease(docs[0]) : null
}

/** The newest release id across locales: a cheap marker other processes poll to notice a publish. */
export const newestReleaseId = async (payload: Payload): Promise<number | string | null> => {
  const { docs } = await payload.find({
    collection: 'releases',
    sort: '-id',
    limit: 1,
    select: { number: true },
    ...system,
  })
  return docs[0]?.id ?? null
}

/** Every partner category's id and key, for naming and walking the categories a release covers. */
export const listCategoryKeys = async (
  payload: Payload,
  req: PayloadRequest,
): Promise<Array<{ id: number; key: string }>> => {
  const { docs } = await payload.find({
    collection: 'partner-categories',
    limit: 0,
    pagination: false,
    select: { key: true },
    req,
    ...system,
  })
  return docs.map((doc) => ({ id: doc.id, key: doc.key }))
}
