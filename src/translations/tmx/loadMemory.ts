import type { Payload, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'
import {
  listCategoryKeys,
  listReleaseSummaries,
  readReleaseBody,
  type ReleaseBody,
  type StoredReleaseSummary,
} from '@/releases/releaseStore'
import type { ReleaseContent } from '@/releases/types'
import { subjectKey } from '@/workflow'
import { collectMemory, type MemoryEntry, type ReleaseSegments } from './memory'
import { documentFields } from '@/translations/translatableFields'
import { categoryPairs, pagePairs, type SegmentPair } from './segments'

export type TranslationMemory = {
  entries: MemoryEntry[]
  /** Documents of a release left out, and why (the file's header carries them). */
  notes: string[]
  releases: number
}

const PAGE_SUBJECT = subjectKey({ kind: 'global', slug: 'partners-page' })

/**
 * The approved pairs of every release of a target locale. A release's translation of a document
 * is paired with the Japanese text it translates, which is not always the ja release that was
 * current when it was published (a stale translation may be published): the release records, per
 * document, the hash of the approved Japanese it translates, and the ja release holding that hash
 * has the text. Releases published before those hashes were recorded are paired with the ja
 * release they recorded as current. Releases never change, so each is read once.
 */
export const loadTranslationMemory = async (
  payload: Payload,
  req: PayloadRequest,
  locale: string,
): Promise<TranslationMemory> => {
  // One query at a time: they may share the request's transaction.
  const targets = await listReleaseSummaries(payload, locale, req)
  const sources = await listReleaseSummaries(payload, SOURCE_LOCALE, req)
  const categoryIds = new Map(
    (await listCategoryKeys(payload, req)).map((category) => [category.key, category.id]),
  )
  const sourceByNumber = new Map(sources.map((release) => [release.number, release]))
  const bodies = new Map<number | string, ReleaseBody>()
  const bodyOf = async (release: StoredReleaseSummary): Promise<ReleaseBody> => {
    const cached = bodies.get(release.id)
    if (cached) return cached
    const body = await readReleaseBody(payload, release.id, req)
    bodies.set(release.id, body)
    return body
  }
  /** The ja release holding this approved hash of a document: the one the target release recorded as current first, then newest first. */
  const sourceHolding = async (
    subject: string,
    hash: string,
    preferred: number | null,
  ): Promise<ReleaseBody | null> => {
    const first = preferred === null ? undefined : sourceByNumber.get(preferred)
    const order = [
      ...(first ? [first] : []),
      ...[...sources].reverse().filter((release) => release !== first),
    ]
    for (const release of order) {
      const body = await bodyOf(release)
      if (body.sources.some((source) => source.subject === subject && source.contentHash === hash))
        return body
    }
    return null
  }

  const fields = documentFields(payload)
  const notes: string[] = []
  const segments: ReleaseSegments[] = []
  for (const target of targets) {
    const body = await bodyOf(target)
    const recorded = new Map(body.sources.map((source) => [source.subject, source]))
    const where = `${locale} release ${target.number}`
    const japaneseFor = async (
      subject: string | undefined,
      label: string,
    ): Promise<ReleaseContent | null> => {
      const basis = subject === undefined ? undefined : recorded.get(subject)
      if (subject !== undefined && typeof basis?.sourceHash === 'string') {
        const found = await sourceHolding(subject, basis.sourceHash, target.sourceReleaseNumber)
        if (found) return found.content
        notes.push(
          `${where}: ${label} translates approved ${SOURCE_LOCALE} text that no ${SOURCE_LOCALE} release holds; left out.`,
        )
        return null
      }
      if (basis?.sourceHash === null) {
        notes.push(
          `${where}: ${label} records no ${SOURCE_LOCALE} text that it translates; left out.`,
        )
        return null
      }
      const recordedSource =
        target.sourceReleaseNumber === null
          ? undefined
          : sourceByNumber.get(target.sourceReleaseNumber)
      if (recordedSource) return (await bodyOf(recordedSource)).content
      notes.push(`${where}: no ${SOURCE_LOCALE} release is recorded for ${label}; left out.`)
      return null
    }

    const pairs: SegmentPair[] = []
    const pageSource = await japaneseFor(PAGE_SUBJECT, 'the partners page')
    if (pageSource) pairs.push(...pagePairs(fields.page, pageSource.page, body.content.page))
    for (const category of body.content.categories) {
      const label = `category "${category.key}"`
      const id = categoryIds.get(category.key)
      const japanese = await japaneseFor(
        id === undefined
          ? undefined
          : subjectKey({ kind: 'collection', slug: 'partner-categories', id }),
        label,
      )
      if (!japanese) continue
      const source = japanese.categories.find((candidate) => candidate.key === category.key)
      if (source) pairs.push(...categoryPairs(fields.category, source, category))
      else
        notes.push(
          `${where}: ${label} is not under that key in the ${SOURCE_LOCALE} text it translates (was the key changed?); left out.`,
        )
    }
    segments.push({ number: target.number, publishedAt: target.publishedAt, pairs })
  }
  return { entries: collectMemory(segments), notes, releases: targets.length }
}
