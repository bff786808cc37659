export const DEFAULT_BASE_PATH = '/partners'

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
    diff: (from: number, to: number) => `${root}/diff/${from}/${to}`,
  }
}

export type PartnerPaths = ReturnType<typeof partnerPaths>
