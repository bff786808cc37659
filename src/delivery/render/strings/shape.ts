import type { ReleaseStatus } from '@/releases/timeline'
import type { ChangeType } from '@/releases/types'

type DiffField =
  | 'title'
  | 'intro'
  | 'notNamedNote'
  | 'columnLabels.type'
  | 'columnLabels.description'
  | 'columnLabels.dataUsageNote'
  | 'authoritativeLanguageNote'
  | 'name'
  | 'icon'
  | 'order'
  | 'description'
  | 'dataUsageNote'

/** Interface text only; the page's own text comes from the release and never falls back. Templates use {placeholders}. */
export type UiStrings = {
  skipToContent: string
  /** The site's name when the site settings give none. */
  siteNameDefault: string
  privacyPolicy: string
  /** The language list's name, and what follows a language with no release in effect yet. */
  languagesLabel: string
  notYetAvailable: string
  /** The summary shown for the release the import published (the JSON keeps the stored one). */
  importedSummary: string
  navLabel: string
  currentVersion: string
  history: string
  feed: string
  defaultHeading: string
  tableCaption: string
  upcomingChanges: string
  upcomingItem: string
  sourceUpdated: string
  /** Which source release a translation follows and which is in effect (target locales only). */
  sourceReleases: string
  /** After an upcoming translation's item: the source release it waits for. */
  upcomingFollowsSource: string
  /** An announced release's page (/partners/:locale/upcoming/:n): its h1, with {n} and {date}. */
  upcomingHeading: string
  /** Its change type and summary. */
  upcomingSummary: string
  /** What stays in effect until its date: the release in effect ({n}), or none yet. */
  upcomingUntil: string
  upcomingFirst: string
  upcomingFullText: string
  /** The Atom entry of an announced release: its title, with {n}, {date} and {summary}, and its category's label. */
  feedAnnouncedTitle: string
  announced: string
  releaseFooter: string
  release: string
  changeTypes: Record<ChangeType, string>
  statuses: Record<ReleaseStatus, string>
  historyTitle: string
  historyCaption: string
  /** The history table's column headings, shown in the order written: the same order in every locale. */
  historyColumns: {
    release: string
    status: string
    changeType: string
    summary: string
    effective: string
    published: string
    changes: string
  }
  rollbackOf: string
  changesFromTo: string
  upcomingDetails: string
  releaseEffective: string
  pageText: string
  added: string
  removed: string
  changed: string
  noChanges: string
  /** The diff page's name for each field a release diff reports. */
  fieldLabels: Record<DiffField, string>
  archivedBanner: string
  viewCurrent: string
  feedSummary: string
  /** The subscribe form under the page in effect. */
  subscribe: {
    heading: string
    email: string
    language: string
    scope: string
    scopes: { material: string; all: string }
    button: string
    consent: string
  }
  errors: { notFound: string; badRequest: string; other: string }
}

/** The three column headings of the category table. */
export type ColumnLabels = { type: string; description: string; dataUsageNote: string }
