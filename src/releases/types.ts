import type { FieldChange } from '../diff/types'
import type { SerializedRichText } from '../utilities/lexical'

export const CHANGE_TYPES = ['material', 'editorial'] as const
export type ChangeType = (typeof CHANGE_TYPES)[number]

/** The page's text in one locale, as released. */
export type ReleasedPage = {
  title: string | null
  intro: SerializedRichText | null
  notNamedNote: SerializedRichText | null
  columnLabels: { type: string | null; description: string | null; dataUsageNote: string | null }
  authoritativeLanguageNote: string | null
}

/** One live category in one locale, as released: structure from the source locale, text from this one. */
export type ReleasedCategory = {
  key: string
  icon: string | null
  order: number
  name: string | null
  description: SerializedRichText | null
  dataUsageNote: SerializedRichText | null
}

/** Everything the public sees of one release: the page and its categories in display order. */
export type ReleaseContent = {
  page: ReleasedPage
  categories: ReleasedCategory[]
}

/** The source file a release was imported from (the first ja release of an imported page). */
export type ImportedFrom = { file: string; sha256: string }

/** A published release as the delivery layer and the renderers see it. */
export type Release = {
  locale: string
  number: number
  summary: string
  changeType: ChangeType
  /** ISO 8601; may be in the future (an upcoming release). */
  effectiveAt: string
  publishedAt: string
  publishedBy: string
  approvers: string[]
  /** sha256 of the content (stable JSON): the strong ETag of every representation of it. */
  contentHash: string
  content: ReleaseContent
  /** Set when this release republished an older one's content. */
  rollbackOf: number | null
  urgencyReason: string | null
  /** For a target locale: the source-locale release that was current when this one was published. */
  sourceReleaseNumber: number | null
  /** Set on the release the import published (the page as it was already public), else null or absent. */
  importedFrom?: ImportedFrom | null
}

/** A release without its content: what timelines, histories, feeds and notices need. */
export type ReleaseSummary = Omit<Release, 'content'>

/** Diffs are the diff module's; re-exported for the renderers that show a release's changes. */
export type { FieldChange, TextChange } from '../diff/types'

export type ReleaseDiff = {
  locale: string
  from: number
  to: number
  page: FieldChange[]
  categories: {
    added: ReleasedCategory[]
    removed: ReleasedCategory[]
    /** Categories present in both (matched by key) whose text, icon or order changed. */
    changed: Array<{ key: string; name: string | null; fields: FieldChange[] }>
  }
}
