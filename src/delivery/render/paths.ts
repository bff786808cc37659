export const DEFAULT_BASE_PATH = '/partners'

/** The id of the redline section on an announced release's page. */
export const ANNOUNCED_CHANGES_ID = 'changes'

/** Every public URL of one locale's partner pages, in one place for the pages and the feed. */
export const partnerPaths = (locale: string, basePath: string = DEFAULT_BASE_PATH) => {
  const root = `${basePath.replace(/\/+$/, '')}/${encodeURIComponent(locale)}`
  return {
    page: root,
    history: `${root}/history`,
    feed: `${root}/feed.atom`,
    json: `${root}.json`,
    csv: `${root}.csv`,
    release: (n: number) => `${root}/releases/${n}`,
    /** An announced release, until it takes effect: its full text and its redline against the release in effect. */
    upcoming: (n: number) => `${root}/upcoming/${n}`,
    upcomingChanges: (n: number) => `${root}/upcoming/${n}#${ANNOUNCED_CHANGES_ID}`,
    diff: (from: number, to: number) => `${root}/diff/${from}/${to}`,
  }
}

export type PartnerPaths = ReturnType<typeof partnerPaths>
