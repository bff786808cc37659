import { LOCALES, SOURCE_LOCALE } from '../config/locales'
import type { Timeline } from '../releases/timeline'
import { API_PREFIX, matchPublicRoute, type PublicRoute } from './publicRoutes'
import { partnerPaths } from './render/paths'

/** What deciding a locale's public paths reads of a release: its number and its two dates. */
export type PathRelease = { number: number; effectiveAt: string; publishedAt: string }

export type LocaleTimelines<R extends PathRelease> = Readonly<Record<string, Timeline<R>>>

/** Every URL of one locale's delivery API, as partnerPaths is for its pages. */
export const apiPaths = (locale: string) => {
  const root = `${API_PREFIX}${encodeURIComponent(locale)}`
  return {
    current: root,
    releases: `${root}/releases`,
    release: (n: number) => `${root}/releases/${n}`,
    diff: (from: number, to: number) => `${root}/releases/${from}/diff/${to}`,
    upcoming: `${root}/upcoming`,
  }
}

/**
 * Published ahead of its date and not cancelled: its announcement page existed, and links to it (in
 * feed readers, in emails) keep leading to the release once it is in effect.
 */
export const wasAnnounced = <R extends PathRelease>(timeline: Timeline<R>, release: R): boolean =>
  timeline.statusOf(release) !== 'superseded' &&
  Date.parse(release.publishedAt) < Date.parse(release.effectiveAt)

/**
 * The diffs the site links to: between releases next to each other in number (the history and the
 * API's "consecutive" diffs), and from each archived release to the current one (its banner).
 */
export const linkedDiffs = <R extends PathRelease>(
  timeline: Timeline<R>,
): Array<[number, number]> => {
  const numbers = timeline.visible.map((release) => release.number).sort((a, b) => a - b)
  const pairs = new Map<string, [number, number]>()
  const add = (from: number, to: number) => pairs.set(`${from}/${to}`, [from, to])
  numbers.slice(1).forEach((to, index) => add(numbers[index] ?? to, to))
  const current = timeline.current?.number
  if (current !== undefined)
    for (const number of numbers)
      if (number !== current) add(Math.min(number, current), Math.max(number, current))
  return [...pairs.values()].sort(([a, b], [c, d]) => a - c || b - d)
}

export type Redirect = { from: string; to: string }
export type PublicPaths = { ok: string[]; redirects: Redirect[] }

/**
 * Every path of one locale that answers 200 (apart from diffs between releases no page links to),
 * and the announcement pages that now redirect to their release: what a static copy must hold.
 */
export const localePublicPaths = <R extends PathRelease>(
  locale: string,
  timeline: Timeline<R>,
): PublicPaths => {
  const page = partnerPaths(locale)
  const api = apiPaths(locale)
  const { current, visible, upcoming } = timeline
  const diffs = linkedDiffs(timeline)
  const ok = [
    api.releases,
    api.upcoming,
    page.feed,
    ...(current ? [api.current, page.page, page.history, page.json, page.csv] : []),
    ...visible.flatMap((release) => [api.release(release.number), page.release(release.number)]),
    ...diffs.flatMap(([from, to]) => [api.diff(from, to), page.diff(from, to)]),
    ...upcoming.map((release) => page.upcoming(release.number)),
  ]
  const redirects = visible
    .filter((release) => wasAnnounced(timeline, release))
    .map((release) => ({
      from: page.upcoming(release.number),
      to: page.release(release.number),
    }))
  return { ok, redirects }
}

/** The public paths of every locale. */
export const sitePublicPaths = <R extends PathRelease>(
  timelines: LocaleTimelines<R>,
): PublicPaths => {
  const all = LOCALES.flatMap((locale) => {
    const timeline = timelines[locale]
    return timeline ? [localePublicPaths(locale, timeline)] : []
  })
  return {
    ok: all.flatMap((paths) => paths.ok),
    redirects: all.flatMap((paths) => paths.redirects),
  }
}

const releaseFacts = <R extends PathRelease>(timeline: Timeline<R>, releases: readonly R[]) =>
  releases.map(
    (release) => `${release.number}@${release.effectiveAt}:${timeline.statusOf(release)}`,
  )

/**
 * What a route's answer reads from a locale's timeline, as a string: two timelines give the same
 * answer to a route when they give it the same facts (release contents never change). Mirrors
 * answerRoute. What every route of the locale shares is worked out once.
 */
const routeFactsOf = <R extends PathRelease>(
  locale: string,
  timeline: Timeline<R>,
  source: Timeline<R> | undefined,
  available: string,
): ((route: PublicRoute) => string) => {
  const { current, visible, upcoming } = timeline
  const byNumber = new Map(visible.map((release) => [release.number, release]))
  const status = (number: number) => {
    const release = byNumber.get(number)
    return release ? timeline.statusOf(release) : 'absent'
  }
  const inEffect = JSON.stringify([current?.number ?? null, releaseFacts(timeline, visible)])
  const everything = `${inEffect}|${JSON.stringify(releaseFacts(timeline, upcoming))}`
  // A translation's answers say whether it is behind the source release in effect (at its date, for an announced one).
  const sourceNow = locale === SOURCE_LOCALE ? '' : `|${source?.current?.number ?? null}`
  const sourceAll =
    locale === SOURCE_LOCALE || !source || upcoming.length === 0
      ? ''
      : `|${JSON.stringify([releaseFacts(source, source.visible), releaseFacts(source, source.upcoming)])}`
  const currentNumber = current?.number ?? null
  // Which locales have a release in effect: every page's language links, and the JSON's availableLocales.
  const languages = `|${available}`
  return (route) => {
    switch (route.kind) {
      case 'api-current':
      case 'export-json':
      case 'page-current':
        return current ? `${everything}${sourceNow}${languages}` : '404'
      case 'export-csv':
        return current ? String(current.number) : '404'
      case 'page-history':
        return current ? `${inEffect}${languages}` : '404'
      case 'api-releases':
        return `${inEffect}${languages}`
      case 'feed':
        return everything
      case 'api-upcoming':
        return `${everything}${sourceAll}`
      case 'api-release':
        return byNumber.has(route.number) ? `${status(route.number)}${sourceNow}` : '404'
      case 'page-release':
        return byNumber.has(route.number)
          ? `${status(route.number)}|${currentNumber}${languages}`
          : '404'
      case 'api-diff':
        return byNumber.has(route.from) && byNumber.has(route.to)
          ? `${status(route.from)}|${status(route.to)}`
          : '404'
      case 'page-diff':
        return byNumber.has(route.from) && byNumber.has(route.to) ? `200${languages}` : '404'
      case 'page-upcoming': {
        if (upcoming.some((release) => release.number === route.number))
          return `announced|${currentNumber}${languages}`
        const release = byNumber.get(route.number)
        return release && wasAnnounced(timeline, release) ? '301' : '404'
      }
      case 'bad-number':
        return '400'
    }
  }
}

/** The locales with a release in effect, as the pages and the JSON list them. */
const availableIn = <R extends PathRelease>(timelines: LocaleTimelines<R>): string =>
  LOCALES.filter((locale) => timelines[locale]?.current).join(',')

const pathsOf = ({ ok, redirects }: PublicPaths) => [...ok, ...redirects.map(({ from }) => from)]

/**
 * The public paths whose answer differs between two states of the releases (a publish, a rollback,
 * an effective date passing): what a CDN must purge, and what a static copy must rewrite. Every
 * path either state lists, and every API diff naming a release whose status changed. When a locale's
 * first release takes effect, every page's language links change: the pages the site links to are
 * listed, but not the diff pages between releases no page links to (any pair of numbers, too many to
 * list); those refresh within the CDN's cache lifetime.
 */
export const changedPublicPaths = <R extends PathRelease>(
  before: LocaleTimelines<R>,
  after: LocaleTimelines<R>,
): string[] => {
  const changed = new Set<string>()
  for (const locale of LOCALES) {
    const was = before[locale]
    const is = after[locale]
    if (!was || !is) continue
    const candidates = new Set([
      ...pathsOf(localePublicPaths(locale, was)),
      ...pathsOf(localePublicPaths(locale, is)),
    ])
    const numbers = [...new Set([...was.visible, ...is.visible].map((release) => release.number))]
    const statuses = (timeline: Timeline<R>) =>
      new Map(timeline.visible.map((release) => [release.number, timeline.statusOf(release)]))
    const [statusWas, statusIs] = [statuses(was), statuses(is)]
    const api = apiPaths(locale)
    for (const moved of numbers.filter((n) => statusWas.get(n) !== statusIs.get(n)))
      for (const other of numbers) {
        candidates.add(api.diff(moved, other))
        candidates.add(api.diff(other, moved))
      }
    const factsWere = routeFactsOf(locale, was, before[SOURCE_LOCALE], availableIn(before))
    const factsAre = routeFactsOf(locale, is, after[SOURCE_LOCALE], availableIn(after))
    for (const path of candidates) {
      const route = matchPublicRoute(path)
      if (route && factsWere(route) !== factsAre(route)) changed.add(path)
    }
  }
  return [...changed].sort()
}
