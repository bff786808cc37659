import { isLocaleCode, LOCALES, SOURCE_LOCALE } from '../config/locales'
import { diffReleases } from '../releases/releaseDiff'
import type { ReleaseBody, StoredReleaseSummary } from '../releases/releaseStore'
import { releaseTimeline, type Timeline } from '../releases/timeline'
import type { Release, ReleaseSummary } from '../releases/types'
import type { SiteSettings } from '../site/siteSettings'
import { wasAnnounced } from './publicPaths'
import { formatOf, matchPublicRoute, type Format, type PublicRoute } from './publicRoutes'
import { renderCsv } from './render/csv'
import { renderAtomFeed } from './render/feed'
import { renderArchivedReleasePage } from './render/pages/archived'
import { renderPartnersPage } from './render/pages/current'
import { renderDiffPage } from './render/pages/diff'
import { renderHistoryPage } from './render/pages/history'
import { renderUpcomingReleasePage } from './render/pages/upcoming'
import { partnerPaths } from './render/paths'
import { siteContext } from './render/site'
import type { Answer } from './responses'
import {
  announcedLinks,
  announcedMeta,
  releaseDocument,
  releaseMeta,
  translationStatus,
} from './views'

/** One locale's releases, and which is current, upcoming or past at the moment they were read. */
export type LocaleState = {
  releases: StoredReleaseSummary[]
  timeline: Timeline<StoredReleaseSummary>
}

export type FullRelease = Release & Pick<ReleaseBody, 'sources'>

/** A route whose numbers are well formed: one that is answered from the releases. */
export type ReleaseRoute = Exclude<PublicRoute, { kind: 'bad-number' }>

/** What answering a route reads: the releases of its locale and of the source locale, and now. */
export type RouteContext = {
  state: LocaleState
  source: LocaleState
  /** A release with its content; the caller keeps the contents it has read. */
  full: (release: StoredReleaseSummary) => Promise<FullRelease>
  clock: () => number
  /** Absolute base URL for links that must be absolute (the Atom feed, hreflang alternates). */
  publicUrl: () => string
  /** The locales with a release in effect: language links lead only there, and the JSON lists them. */
  available: readonly string[]
  settings: SiteSettings
  /** The zone dates are shown in (KAIJI_TIMEZONE). */
  timeZone: string
}

const ok = (
  format: Format,
  text: string,
  basedOn: readonly ReleaseSummary[],
  disposition: string | null = null,
): Answer => ({ status: 200, format, text, basedOn, disposition })

const error = (
  status: 400 | 404,
  format: Format,
  message: string,
  locale: string | null,
  extra?: Record<string, unknown>,
): Answer => ({ status, format, message, locale, ...(extra ? { extra } : {}) })

/**
 * The route a path names and its format, or the answer when no release needs to be read: nothing
 * published there, an unknown locale, a release number that is not one.
 */
export const resolvePublicPath = (
  path: string,
): { route: ReleaseRoute; format: Format } | Answer => {
  const route = matchPublicRoute(path)
  if (!route) return error(404, 'json', `Nothing is published at ${path}.`, null)
  const format = formatOf(route)
  if (!isLocaleCode(route.locale)) {
    return error(
      404,
      format === 'json' ? 'json' : 'html',
      `Unknown locale ${JSON.stringify(route.locale)}; available: ${LOCALES.join(', ')}.`,
      null,
      { locales: [...LOCALES] },
    )
  }
  if (route.kind === 'bad-number') {
    return error(
      400,
      format,
      `${JSON.stringify(route.value)} is not a release number (a whole number, 1 or more).`,
      route.locale,
    )
  }
  return { route, format }
}

/** For a target locale, the source release in effect also shapes the page (the "source changed" notice). */
const sourceBasis = (release: ReleaseSummary, source: LocaleState): ReleaseSummary[] =>
  release.locale !== SOURCE_LOCALE && source.timeline.current ? [source.timeline.current] : []

/** Which view answers a route, from which releases. */
export const answerRoute = async (
  route: ReleaseRoute,
  format: Format,
  { state, source, full, clock, publicUrl, available, settings, timeZone }: RouteContext,
): Promise<Answer> => {
  const { locale } = route
  const site = siteContext({
    locales: LOCALES,
    available,
    timeZone,
    settings,
    baseUrl: publicUrl(),
  })
  const availableLocales = LOCALES.filter((code) => available.includes(code))
  const { timeline } = state
  const current = timeline.current
  const visible = (number: number) =>
    timeline.visible.find((release) => release.number === number) ?? null
  const noRelease = () => error(404, format, `No ${locale} release is in effect yet.`, locale)
  const missingRelease = (number: number) =>
    error(404, format, `There is no ${locale} release ${number} in effect.`, locale)
  // Against the source release in effect when this one is: now, or at its date for an upcoming one.
  const translation = async (release: FullRelease) => {
    if (release.locale === SOURCE_LOCALE) return translationStatus(release, null, source.releases)
    const at = Math.max(clock(), Date.parse(release.effectiveAt))
    const inEffect =
      at <= clock() ? source.timeline.current : releaseTimeline(source.releases, at).current
    return translationStatus(release, inEffect ? await full(inEffect) : null, source.releases)
  }
  const upcomingMeta = timeline.upcoming.map((release) => announcedMeta(release, current !== null))
  const announced = (number: number) =>
    timeline.upcoming.find((release) => release.number === number) ?? null

  switch (route.kind) {
    case 'api-current':
    case 'export-json': {
      if (!current) return noRelease()
      const release = await full(current)
      const document = releaseDocument(release, 'current', {
        translation: await translation(release),
        upcoming: upcomingMeta,
        availableLocales,
      })
      const disposition =
        route.kind === 'export-json'
          ? `attachment; filename="partners-${locale}-release-${current.number}.json"`
          : null
      return ok(
        format,
        JSON.stringify(document),
        [current, ...sourceBasis(current, source)],
        disposition,
      )
    }
    case 'api-releases':
      return ok(
        format,
        JSON.stringify({
          locale,
          current: current?.number ?? null,
          availableLocales,
          releases: timeline.visible.map((release) =>
            releaseMeta(release, timeline.statusOf(release)),
          ),
        }),
        timeline.visible.slice(0, 1),
      )
    case 'api-release': {
      const release = visible(route.number)
      if (!release) return missingRelease(route.number)
      const loaded = await full(release)
      const document = releaseDocument(loaded, timeline.statusOf(release), {
        translation: await translation(loaded),
      })
      return ok(format, JSON.stringify(document), [release])
    }
    case 'api-diff':
    case 'page-diff': {
      const fromSummary = visible(route.from)
      const toSummary = visible(route.to)
      if (!fromSummary) return missingRelease(route.from)
      if (!toSummary) return missingRelease(route.to)
      const [from, to] = await Promise.all([full(fromSummary), full(toSummary)])
      const diff = diffReleases(from, to)
      if (route.kind === 'page-diff') {
        return ok(format, renderDiffPage({ diff, fromRelease: from, toRelease: to, site }), [
          from,
          to,
        ])
      }
      return ok(
        format,
        JSON.stringify({
          ...diff,
          fromRelease: releaseMeta(from, timeline.statusOf(fromSummary)),
          toRelease: releaseMeta(to, timeline.statusOf(toSummary)),
        }),
        [from, to],
      )
    }
    case 'api-upcoming': {
      const currentRelease = current ? await full(current) : null
      const upcoming = await Promise.all(timeline.upcoming.map(full))
      return ok(
        format,
        JSON.stringify({
          locale,
          current: current ? releaseMeta(current, 'current') : null,
          upcoming: await Promise.all(
            upcoming.map(async (release) => ({
              ...releaseDocument(release, 'upcoming', {
                translation: await translation(release),
              }),
              changesFromCurrent: currentRelease ? diffReleases(currentRelease, release) : null,
              links: announcedLinks(release, currentRelease !== null),
            })),
          ),
        }),
        [...(current ? [current] : []), ...timeline.upcoming],
      )
    }
    case 'page-current': {
      if (!current) return noRelease()
      const release = await full(current)
      const status = await translation(release)
      const sourceNotice =
        status.behindSource && status.sourceUpdatedAt
          ? {
              updatedAt: status.sourceUpdatedAt,
              sourceReleaseInEffect: status.sourceReleaseInEffect,
              translatedFromSourceRelease: status.translatedFromSourceRelease,
              authoritativeLanguageNote: release.content.page.authoritativeLanguageNote,
            }
          : null
      const html = renderPartnersPage({
        release,
        upcoming: timeline.upcoming,
        sourceNotice,
        site,
      })
      return ok(format, html, [current, ...sourceBasis(current, source), ...timeline.upcoming])
    }
    case 'page-upcoming': {
      const summary = announced(route.number)
      if (!summary) {
        const inEffect = visible(route.number)
        if (inEffect && wasAnnounced(timeline, inEffect))
          return { status: 301, location: partnerPaths(locale).release(route.number) }
        return error(
          404,
          format,
          `There is no announced ${locale} release ${route.number}.`,
          locale,
        )
      }
      const [release, inEffect] = await Promise.all([
        full(summary),
        current ? full(current) : Promise.resolve(null),
      ])
      const html = renderUpcomingReleasePage({
        release,
        inEffect: inEffect ? { release: inEffect, diff: diffReleases(inEffect, release) } : null,
        site,
      })
      return ok(format, html, [summary, ...(current ? [current] : [])])
    }
    case 'page-history':
      if (!current) return noRelease()
      return ok(
        format,
        renderHistoryPage({
          locale,
          releases: timeline.visible.map((release) => ({
            release,
            status: timeline.statusOf(release),
          })),
          site,
        }),
        timeline.visible.slice(0, 1),
      )
    case 'page-release': {
      const release = visible(route.number)
      if (!release) return missingRelease(route.number)
      const html = renderArchivedReleasePage({
        release: await full(release),
        status: timeline.statusOf(release),
        currentNumber: current?.number ?? null,
        site,
      })
      return ok(format, html, [release])
    }
    case 'feed':
      return ok(
        format,
        renderAtomFeed({
          locale,
          releases: timeline.visible,
          announced: timeline.upcoming,
          baseUrl: publicUrl(),
          title: current ? (await full(current)).content.page.title : null,
          timeZone,
        }),
        [...timeline.visible.slice(0, 1), ...timeline.upcoming],
      )
    case 'export-csv':
      if (!current) return noRelease()
      return ok(
        format,
        renderCsv(await full(current)),
        [current],
        `attachment; filename="partners-${locale}-release-${current.number}.csv"`,
      )
  }
}
