import { SOURCE_LOCALE } from '../config/locales'
import type { ReleaseStatus, Timeline } from '../releases/timeline'
import type { Release, ReleaseSummary } from '../releases/types'
import type { SerializedRichText } from '../utilities/lexical'
import { richTextToHtml } from './render/richTextHtml'

/** Whether a target locale's served release lags behind the source locale's. */
export type TranslationStatus = {
  sourceLocale: string
  isSource: boolean
  behindSource: boolean
  /** When the source text in effect now took effect, if the translation is behind it. */
  sourceUpdatedAt: string | null
  translatedFromSourceRelease: number | null
}

/**
 * A translation is behind when the source release in effect now has different content from the one
 * that was in effect when the translation was published.
 */
export const translationStatus = <R extends ReleaseSummary>(
  release: ReleaseSummary,
  source: Timeline<R> | null,
  sourceReleases: readonly R[],
): TranslationStatus => {
  const base = { sourceLocale: SOURCE_LOCALE, translatedFromSourceRelease: release.sourceReleaseNumber }
  if (release.locale === SOURCE_LOCALE) return { ...base, isSource: true, behindSource: false, sourceUpdatedAt: null }
  const current = source?.current ?? null
  const basis = sourceReleases.find((candidate) => candidate.number === release.sourceReleaseNumber) ?? null
  const behind = Boolean(current && (!basis || basis.contentHash !== current.contentHash))
  return { ...base, isSource: false, behindSource: behind, sourceUpdatedAt: behind && current ? current.effectiveAt : null }
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

export const releaseMeta = (release: ReleaseSummary, status: ReleaseStatus) => ({ ...publicReleaseFields(release), status })

const richTextView = (value: SerializedRichText | null) => (value ? { lexical: value, html: richTextToHtml(value) } : null)

/** A release's content for the delivery API: rich text both as Lexical JSON and as sanitized HTML. */
export const releaseDocument = (
  release: Release,
  status: ReleaseStatus,
  extra: { translation: TranslationStatus; upcoming?: ReturnType<typeof releaseMeta>[] },
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
  }
}
