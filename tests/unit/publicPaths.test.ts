import fc from 'fast-check'

import { LOCALES } from '@/config/locales'
import {
  changedPublicPaths,
  linkedDiffs,
  localePublicPaths,
  sitePublicPaths,
} from '@/delivery/publicPaths'
import { answerRoute, resolvePublicPath, type LocaleState } from '@/delivery/routeAnswers'
import type { StoredReleaseSummary } from '@/releases/releaseStore'
import { releaseTimeline } from '@/releases/timeline'
import { EMPTY_SITE_SETTINGS } from '@/site/siteSettings'
import { jaContent, makeRelease } from './fixtures/partnersRelease'

const MINUTE = 60_000
const T0 = Date.parse('2026-12-01T00:00:00Z')
const at = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString()

/** Release `number` of `locale`, published at minute `published`, in effect `delay` minutes later. */
const summary = (
  locale: string,
  number: number,
  published: number,
  delay = 0,
): StoredReleaseSummary => {
  const { content: _content, ...rest } = makeRelease({
    locale,
    number,
    publishedAt: at(published),
    effectiveAt: at(published + delay),
    summary: `${locale} ${number}`,
  })
  return { ...rest, id: `${locale}-${number}` }
}

const timelineOf = (releases: StoredReleaseSummary[], minute: number) =>
  releaseTimeline(releases, T0 + minute * MINUTE)

describe('the public paths of a locale', () => {
  it('with no release: only the feed and the API lists answer', () => {
    expect(localePublicPaths('fr', timelineOf([], 0))).toEqual({
      ok: [
        '/content/v1/partners/fr/releases',
        '/content/v1/partners/fr/upcoming',
        '/partners/fr/feed.atom',
      ],
      redirects: [],
    })
  })

  it('with releases in effect, announced and announced-then-in-effect', () => {
    // 1 at once; 2 announced at minute 10 for minute 30; 3 announced for minute 200; now is minute 60.
    const releases = [summary('ja', 1, 0), summary('ja', 2, 10, 20), summary('ja', 3, 20, 180)]
    const { ok, redirects } = localePublicPaths('ja', timelineOf(releases, 60))
    expect(ok.sort()).toEqual(
      [
        '/content/v1/partners/ja',
        '/content/v1/partners/ja/releases',
        '/content/v1/partners/ja/releases/1',
        '/content/v1/partners/ja/releases/2',
        '/content/v1/partners/ja/releases/1/diff/2',
        '/content/v1/partners/ja/upcoming',
        '/partners/ja',
        '/partners/ja.csv',
        '/partners/ja.json',
        '/partners/ja/diff/1/2',
        '/partners/ja/feed.atom',
        '/partners/ja/history',
        '/partners/ja/releases/1',
        '/partners/ja/releases/2',
        '/partners/ja/upcoming/3',
      ].sort(),
    )
    expect(redirects).toEqual([{ from: '/partners/ja/upcoming/2', to: '/partners/ja/releases/2' }])
  })

  it('links the diffs between neighbours and from every archived release to the current one', () => {
    const releases = [1, 2, 3, 4].map((number) => summary('ja', number, number))
    expect(linkedDiffs(timelineOf(releases, 10))).toEqual([
      [1, 2],
      [1, 4],
      [2, 3],
      [2, 4],
      [3, 4],
    ])
  })

  it('a cancelled announcement (superseded) has no page and no redirect, before or after its date', () => {
    // 2 is announced for minute 100; 3, published at minute 20 in effect at once, cancels it.
    const releases = [summary('ja', 1, 0), summary('ja', 2, 10, 90), summary('ja', 3, 20)]
    for (const minute of [30, 150]) {
      const { ok, redirects } = localePublicPaths('ja', timelineOf(releases, minute))
      expect(ok.filter((publicPath) => publicPath.includes('/upcoming/'))).toEqual([])
      expect(redirects).toEqual([])
    }
  })

  it('every locale, in the order of LOCALES', () => {
    const timelines = Object.fromEntries(LOCALES.map((locale) => [locale, timelineOf([], 0)]))
    timelines.ja = timelineOf([summary('ja', 1, 0)], 1)
    const { ok } = sitePublicPaths(timelines)
    expect(ok.filter((path) => path.endsWith('feed.atom'))).toEqual(
      LOCALES.map((locale) => `/partners/${locale}/feed.atom`),
    )
    expect(ok).toContain('/partners/ja/releases/1')
    expect(ok).not.toContain('/partners/en')
  })
})

describe('the paths a change touches', () => {
  const site = (releases: Record<string, StoredReleaseSummary[]>, minute: number) =>
    Object.fromEntries(
      LOCALES.map((locale) => [locale, timelineOf(releases[locale] ?? [], minute)]),
    )

  it('a ja publish in effect at once: the new release, its diffs, every page showing the current one, and the translations that show the source notice', () => {
    const ja = [summary('ja', 1, 0), summary('ja', 2, 10)]
    const en = [{ ...summary('en', 1, 5), sourceReleaseNumber: 1 }]
    const changed = changedPublicPaths(site({ ja: ja.slice(0, 1), en }, 20), site({ ja, en }, 20))
    expect(changed).toEqual(
      expect.arrayContaining([
        '/partners/ja',
        '/partners/ja/releases/1',
        '/partners/ja/releases/2',
        '/partners/ja/diff/1/2',
        '/content/v1/partners/ja/releases/1/diff/2',
        '/content/v1/partners/ja/releases/2/diff/1',
        '/partners/en',
        '/partners/en.json',
        '/content/v1/partners/en',
        '/content/v1/partners/en/releases/1',
      ]),
    )
    // The English pages that do not show the source notice are untouched; English announces nothing.
    expect(changed).not.toContain('/content/v1/partners/en/upcoming')
    expect(changed).not.toContain('/partners/en/history')
    expect(changed).not.toContain('/partners/en.csv')
    expect(changed).not.toContain('/partners/fr/feed.atom')
  })

  it('an English publish touches English paths only', () => {
    const ja = [summary('ja', 1, 0)]
    const en = [summary('en', 1, 5), summary('en', 2, 10)]
    const changed = changedPublicPaths(site({ ja, en: en.slice(0, 1) }, 20), site({ ja, en }, 20))
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((path) => /\/partners\/en[/.]|\/partners\/en$/.test(path))).toBe(true)
  })

  it('the first English release in effect: every Japanese page links to English now, and the JSON lists it', () => {
    const ja = [summary('ja', 1, 0), summary('ja', 2, 10)]
    const en = [{ ...summary('en', 1, 15), sourceReleaseNumber: 2 }]
    const changed = changedPublicPaths(site({ ja }, 20), site({ ja, en }, 20))
    expect(changed).toEqual(
      expect.arrayContaining([
        '/partners/ja',
        '/partners/ja/history',
        '/partners/ja/releases/1',
        '/partners/ja/releases/2',
        '/partners/ja/diff/1/2',
        '/partners/ja.json',
        '/content/v1/partners/ja',
        '/content/v1/partners/ja/releases',
        '/partners/en',
      ]),
    )
    // What shows no language list is untouched.
    expect(changed).not.toContain('/partners/ja.csv')
    expect(changed).not.toContain('/partners/ja/feed.atom')
    expect(changed).not.toContain('/content/v1/partners/ja/releases/1')
  })

  it('an announced release taking effect: its announcement page becomes a redirect', () => {
    const ja = [summary('ja', 1, 0), summary('ja', 2, 10, 50)]
    const changed = changedPublicPaths(site({ ja }, 59.99), site({ ja }, 60))
    expect(changed).toEqual(
      expect.arrayContaining([
        '/partners/ja/upcoming/2',
        '/partners/ja/releases/2',
        '/partners/ja',
      ]),
    )
  })

  it('nothing changed, nothing listed', () => {
    const ja = [summary('ja', 1, 0), summary('ja', 2, 10, 50)]
    expect(changedPublicPaths(site({ ja }, 20), site({ ja }, 30))).toEqual([])
  })
})

/**
 * The list is checked against the answers themselves: for random histories of ja and a translation,
 * every path whose answer (status, body, redirect) differs between two moments is listed.
 */
describe('changedPublicPaths misses no changed answer', () => {
  type Drawn = { delay: number; version: number }
  const LOCALE_RELEASES = fc.array(
    fc.record({ delay: fc.constantFrom(0, 0, 5, 15, 40), version: fc.integer({ min: 1, max: 3 }) }),
    { maxLength: 5 },
  )

  const stored = (locale: string, drawn: Drawn[]) =>
    drawn.map(({ delay, version }, index) => {
      const release = makeRelease({
        locale,
        number: index + 1,
        publishedAt: at((index + 1) * 10),
        effectiveAt: at((index + 1) * 10 + delay),
        summary: `${locale} ${index + 1}`,
        sourceReleaseNumber: locale === 'ja' ? null : 1,
        contentHash: `${locale}${version}`.padEnd(64, '0'),
        content: {
          ...jaContent(),
          page: { ...jaContent().page, title: `${locale} version ${version}` },
        },
      })
      const sources = [
        locale === 'ja'
          ? { subject: 'page', contentHash: `ja${version}`, approvedBy: null }
          : {
              subject: 'page',
              contentHash: `en${version}`,
              approvedBy: null,
              sourceHash: `ja${version}`,
            },
      ]
      return { ...release, id: `${locale}-${index + 1}`, sources }
    })

  type Full = ReturnType<typeof stored>[number]

  const answersAt = async (all: Record<string, Full[]>, minute: number, paths: string[]) => {
    const now = T0 + minute * MINUTE
    const states: Record<string, LocaleState> = {}
    for (const locale of ['ja', 'en']) {
      const releases: StoredReleaseSummary[] = (all[locale] ?? []).filter(
        (release) => Date.parse(release.publishedAt) <= now,
      )
      states[locale] = { releases, timeline: releaseTimeline(releases, now) }
    }
    const answers = new Map<string, string>()
    for (const path of paths) {
      const resolved = resolvePublicPath(path)
      if (!('route' in resolved)) throw new Error(`${path} is not a route`)
      const state = states[resolved.route.locale]
      const source = states.ja
      if (!state || !source) throw new Error('no state')
      const answer = await answerRoute(resolved.route, resolved.format, {
        state,
        source,
        full: async (release) => {
          const found = all[release.locale]?.find(
            (candidate) => candidate.number === release.number,
          )
          if (!found) throw new Error(`no release ${release.locale} ${release.number}`)
          return found
        },
        clock: () => now,
        publicUrl: () => 'https://kaiji.example',
        available: LOCALES.filter((locale) => states[locale]?.timeline.current),
        settings: EMPTY_SITE_SETTINGS,
        timeZone: 'Asia/Tokyo',
      })
      answers.set(path, JSON.stringify(answer.status === 200 ? [200, answer.text] : answer))
    }
    const timelines = Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        states[locale]?.timeline ?? releaseTimeline<StoredReleaseSummary>([], now),
      ]),
    )
    return { answers, timelines }
  }

  const everyPath = (locale: string) => {
    const numbers = [1, 2, 3, 4, 5, 6]
    return [
      `/partners/${locale}`,
      `/partners/${locale}/history`,
      `/partners/${locale}/feed.atom`,
      `/partners/${locale}.json`,
      `/partners/${locale}.csv`,
      `/content/v1/partners/${locale}`,
      `/content/v1/partners/${locale}/releases`,
      `/content/v1/partners/${locale}/upcoming`,
      ...numbers.flatMap((n) => [
        `/partners/${locale}/releases/${n}`,
        `/partners/${locale}/upcoming/${n}`,
        `/content/v1/partners/${locale}/releases/${n}`,
        ...numbers.flatMap((m) => [
          `/partners/${locale}/diff/${n}/${m}`,
          `/content/v1/partners/${locale}/releases/${n}/diff/${m}`,
        ]),
      ]),
    ]
  }

  it('for random histories and moments (fixed seed)', async () => {
    const paths = [...everyPath('ja'), ...everyPath('en')]
    await fc.assert(
      fc.asyncProperty(
        LOCALE_RELEASES,
        LOCALE_RELEASES,
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 40 }),
        async (ja, en, before, later) => {
          const all = { ja: stored('ja', ja), en: stored('en', en) }
          const was = await answersAt(all, before, paths)
          const is = await answersAt(all, before + later, paths)
          const listed = new Set(changedPublicPaths(was.timelines, is.timelines))
          // When a locale's first release takes effect every page's language links change; diff
          // pages no page links to (any pair of numbers) are left to the cache lifetime.
          const available = (timelines: typeof was.timelines) =>
            LOCALES.filter((locale) => timelines[locale]?.current).join()
          const unlinked = (path: string) => {
            const diff = /^\/partners\/(\w+)\/diff\/(\d+)\/(\d+)$/.exec(path)
            if (!diff) return false
            const timeline = is.timelines[diff[1] ?? '']
            return !(timeline ? linkedDiffs(timeline) : []).some(
              ([from, to]) => from === Number(diff[2]) && to === Number(diff[3]),
            )
          }
          const languagesChanged = available(was.timelines) !== available(is.timelines)
          // An error is never cached (no-store), so a path that answered one needs no purge.
          const missed = paths.filter(
            (path) =>
              !/^\{"status":4/.test(was.answers.get(path) ?? '') &&
              was.answers.get(path) !== is.answers.get(path) &&
              !listed.has(path) &&
              !(languagesChanged && unlinked(path)),
          )
          expect(missed).toEqual([])
        },
      ),
      { seed: 18, numRuns: 150 },
    )
  }, 120_000)
})
