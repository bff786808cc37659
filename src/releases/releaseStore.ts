import type { Payload, PayloadRequest } from 'payload'

import type { Release as ReleaseDoc } from '../payload-types'
import type { ReleaseSource } from './assemble'
import type { ChangeType, Release, ReleaseContent } from './types'

const system = { overrideAccess: true, depth: 0 } as const

export type StoredRelease = Release & { id: number | string; sources: ReleaseSource[] }

export const toRelease = (doc: ReleaseDoc): StoredRelease => ({
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
  content: doc.content as ReleaseContent,
  rollbackOf: doc.rollbackOf ?? null,
  urgencyReason: doc.urgencyReason ?? null,
  sourceReleaseNumber: doc.sourceReleaseNumber ?? null,
  sources: Array.isArray(doc.sources) ? (doc.sources as ReleaseSource[]) : [],
})

/** Every release of a locale, oldest first. Pass `req` inside a transaction. */
export const listReleases = async (payload: Payload, locale: string, req?: PayloadRequest): Promise<StoredRelease[]> => {
  const { docs } = await payload.find({
    collection: 'releases',
    where: { locale: { equals: locale } },
    sort: 'number',
    limit: 0,
    pagination: false,
    ...(req ? { req } : {}),
    ...system,
  })
  return docs.map(toRelease)
}

export const latestRelease = async (payload: Payload, locale: string, req?: PayloadRequest): Promise<StoredRelease | null> => {
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
