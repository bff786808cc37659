import { SOURCE_LOCALE } from '../config/locales'
import type { ReleaseSource } from '../releases/assemble'
import type { ReleaseStatus } from '../releases/timeline'
import type { Release, ReleaseSummary } from '../releases/types'
import type { SerializedRichText } from '../utilities/lexical'
import { partnerPaths } from './render/paths'
import { richTextToHtml } from './render/richTextHtml'

/** Whether a target locale's release lags behind the source locale's release in effect. */
export type TranslationStatus = {
  sourceLocale: string
  isSource: boolean
  behindSource: boolean
  /** When the source text in effect took effect, if the translation is behind it. */
  sourceUpdatedAt: string | null
  /** The source release this translation is based on (the latest-effective one whose text it translates). */
  translatedFromSourceRelease: number | null
  /** The source release in effect when this release is (now, or at its date for an upcoming one). */
  sourceReleaseInEffect: number | null
}

type WithSources = ReleaseSummary & { sources?: readonly ReleaseSource[] }

/** Whether the release records, for every document, the source hash its translation translates. */
const recordsSourceHashes = (
  release: WithSources,
): release is WithSources & { sources: readonly ReleaseSource[] } =>
  Array.isArray(release.sources) &&
  release.sources.length > 0 &&
  release.sources.every((source) => source.sourceHash !== undefined)

/**
 * A translation is behind when the source release in effect has content it does not translate: a
 * document whose source hash differs from the one its translation translates, or a document one side
 * has and the other not. Releases published before per-document source hashes were recorded compare
 * the whole source release they were made against instead.
 */
export const translationStatus = <R extends ReleaseSummary>(
  release: WithSources,
  sourceInEffect: WithSources | null,
  sourceReleases: readonly R[],
): TranslationStatus => {
  const base = {
    sourceLocale: SOURCE_LOCALE,
    translatedFromSourceRelease: release.sourceReleaseNumber,
  }
  if (release.locale === SOURCE_LOCALE) {
    return {
      ...base,
      isSource: true,
      behindSource: false,
      sourceUpdatedAt: null,
      sourceReleaseInEffect: release.number,
    }
  }
  let behind: boolean
  if (!sourceInEffect) behind = false
  else if (recordsSourceHashes(release) && Array.isArray(sourceInEffect.sources)) {
    const translated = new Map(release.sources.map((source) => [source.subject, source.sourceHash]))
    const inEffect = new Map(
      sourceInEffect.sources.map((source) => [source.subject, source.contentHash]),
    )
    behind =
      inEffect.size !== translated.size ||
      [...inEffect].some(([subject, hash]) => translated.get(subject) !== hash)
  } else {
    const basis =
      sourceReleases.find((candidate) => candidate.number === release.sourceReleaseNumber) ?? null
    behind = !basis || basis.contentHash !== sourceInEffect.contentHash
  }
  return {
    ...base,
    isSource: false,
    behindSource: behind,
    sourceUpdatedAt: behind && sourceInEffect ? sourceInEffect.effectiveAt : null,
    sourceReleaseInEffect: sourceInEffect?.number ?? null,
  }
}

/** What the public (and a webhook receiver) may know about a release: no staff names, no document hashes. */
export const publicReleaseFields = (release: ReleaseSummary) => ({
  number: release.number,
  summary: release.summary,
  changeType: release.changeType,
  effectiveAt: release.effectiveAt,
  publishedAt: release.publishedAt,
  contentHash: release.contentHash,
  rollbackOf: release.rollbackOf,
})

export const releaseMeta = (release: ReleaseSummary, status: ReleaseStatus) => ({
  ...publicReleaseFields(release),
  status,
})

/** Where an announced release's HTML page is, and its redline against the release in effect (none before a first release). */
export const announcedLinks = (release: ReleaseSummary, releaseInEffect: boolean) => {
  const paths = partnerPaths(release.locale)
  return {
    page: paths.upcoming(release.number),
    redline: releaseInEffect ? paths.upcomingChanges(release.number) : null,
  }
}

export const announcedMeta = (release: ReleaseSummary, releaseInEffect: boolean) => ({
  ...releaseMeta(release, 'upcoming'),
  links: announcedLinks(release, releaseInEffect),
})

const richTextView = (value: SerializedRichText | null) =>
  value ? { lexical: value, html: richTextToHtml(value) } : null

/** A release's content for the delivery API: rich text both as Lexical JSON and as sanitized HTML. */
export const releaseDocument = (
  release: Release,
  status: ReleaseStatus,
  extra: {
    translation: TranslationStatus
    upcoming?: ReturnType<typeof announcedMeta>[]
    /** The locales with a release in effect (the delivery API's current release only). */
    availableLocales?: readonly string[]
  },
) => {
  const { page, categories } = release.content
  return {
    locale: release.locale,
    release: releaseMeta(release, status),
    page: {
      title: page.title,
      intro: richTextView(page.intro),
      notNamedNote: richTextView(page.notNamedNote),
      columnLabels: page.columnLabels,
      authoritativeLanguageNote: page.authoritativeLanguageNote,
    },
    categories: categories.map((category) => ({
      key: category.key,
      icon: category.icon,
      order: category.order,
      name: category.name,
      description: richTextView(category.description),
      dataUsageNote: richTextView(category.dataUsageNote),
    })),
    translation: extra.translation,
    ...(extra.upcoming ? { upcoming: extra.upcoming } : {}),
    ...(extra.availableLocales ? { availableLocales: extra.availableLocales } : {}),
  }
}
