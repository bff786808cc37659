import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { isLocaleCode, LOCALES, SOURCE_LOCALE } from '../config/locales'
import { settings } from '../config/settings'
import { diffReleases } from '../releases/releaseDiff'
import { onReleasePublished } from '../releases/releaseSignal'
import {
  listReleaseSummaries,
  newestReleaseId,
  readReleaseBody,
  type ReleaseBody,
  type StoredReleaseSummary,
} from '../releases/releaseStore'
import { releaseTimeline, type Timeline } from '../releases/timeline'
import type { Release, ReleaseSummary } from '../releases/types'
import { incomingRequestId } from '../server/requestId'
import { renderCsv } from './render/csv'
import { renderAtomFeed } from './render/feed'
import {
  renderArchivedReleasePage,
  renderDiffPage,
  renderErrorPage,
  renderHistoryPage,
  renderPartnersPage,
} from './render/pages'
import { matchPublicRoute, type PublicRoute } from './publicRoutes'
import { releaseDocument, releaseMeta, translationStatus } from './views'

export const DEFAULT_PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
const DEFAULT_POLL_MS = 250
const MAX_CACHED_RESPONSES = 2_000
/** Contents of the releases read lately; any other is one row away. Kept small: each is a large object graph. */
const MAX_CACHED_CONTENTS = 32

/** A response ready to write: computed once, then served from memory until a publish or an effective date. */
type Prepared = {
  status: number
  /** Flat [name, value, name, value…]: writeHead takes it as is, with no header map to build per request. */
  headers: string[]
  notModifiedHeaders: string[] | null
  body: Buffer
  etag: string | null
}

type Cached = { prepared: Prepared; generation: number; validUntil: number }

type LocaleState = { releases: StoredReleaseSummary[]; timeline: Timeline<StoredReleaseSummary> }

type FullRelease = Release & Pick<ReleaseBody, 'sources'>

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
} as const
type Format = keyof typeof CONTENT_TYPES

/** Public pages run no script at all and load nothing from elsewhere. */
const PUBLIC_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

const isApi = (route: PublicRoute): boolean =>
  route.kind.startsWith('api-') || (route.kind === 'bad-number' && route.api)

const formatOf = (route: PublicRoute): Format => {
  if (isApi(route) || route.kind === 'export-json') return 'json'
  if (route.kind === 'feed') return 'atom'
  if (route.kind === 'export-csv') return 'csv'
  return 'html'
}

const flatHeaders = (headers: Record<string, string>): string[] => Object.entries(headers).flat()

const etagFor = (body: Buffer, contentHash: string | null): string => {
  const bodyHash = createHash('sha256').update(body).digest('base64url').slice(0, 22)
  return `"${contentHash ? `${contentHash.slice(0, 16)}-` : ''}${bodyHash}"`
}

/** RFC 9110 If-None-Match: a list of entity tags (weak comparison) or `*`. */
export const etagMatches = (header: string, etag: string): boolean => {
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

const visibleSince = (release: ReleaseSummary): number =>
  Math.max(Date.parse(release.publishedAt), Date.parse(release.effectiveAt))

export type DeliveryOptions = {
  /** The moment "now" for effective dates; injectable so tests can move time. */
  clock?: () => number
  cacheControl?: string
  /** Absolute base URL for links that must be absolute (the Atom feed); never taken from the Host header. */
  publicUrl: () => string
  /** How often to look for releases another process published. */
  pollMs?: number
}

/**
 * The public read side: serves only releases, from memory. A publish in this process invalidates at
 * once; one in another process is noticed by polling the newest release id. An effective date that
 * passes invalidates the responses that depended on it, at read time.
 */
export class DeliveryService {
  private generation = 0
  private readonly responses = new Map<string, Cached>()
  private readonly states = new Map<string, Promise<LocaleState>>()
  /** Release contents (and the documents they hold) by id, least recently used first: immutable, so never invalidated, only evicted. */
  private readonly contents = new Map<number | string, Promise<ReleaseBody>>()
  private newestSeen: number | string | null | undefined = undefined
  private pollTimer: NodeJS.Timeout | undefined
  private unsubscribe: (() => void) | undefined
  private readonly clock: () => number
  private readonly cacheControl: string

  constructor(
    private readonly payload: Payload,
    private readonly options: DeliveryOptions,
  ) {
    this.clock = options.clock ?? Date.now
    this.cacheControl = options.cacheControl ?? DEFAULT_PUBLIC_CACHE_CONTROL
  }

  start(): void {
    this.unsubscribe = onReleasePublished((release) => {
      // Seen here first: the poll need not invalidate again for it.
      this.newestSeen = release.id
      this.invalidate()
    })
    const poll = async () => {
      try {
        const newest = await newestReleaseId(this.payload)
        if (this.newestSeen !== undefined && newest !== this.newestSeen) this.invalidate()
        this.newestSeen = newest
      } catch (error) {
        this.payload.logger.warn({ err: error }, 'Delivery: could not check for new releases')
      }
      this.pollTimer = setTimeout(poll, this.options.pollMs ?? DEFAULT_POLL_MS)
      this.pollTimer.unref()
    }
    void poll()
  }

  stop(): void {
    clearTimeout(this.pollTimer)
    this.unsubscribe?.()
  }

  invalidate(): void {
    this.generation += 1
    this.states.clear()
    this.responses.clear()
  }

  /** The request listener for every public path. Cache hits are answered synchronously. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, {
        Allow: 'GET, HEAD',
        'Content-Type': CONTENT_TYPES.json,
        ...PUBLIC_SECURITY_HEADERS,
      })
      res.end(
        JSON.stringify({
          errors: [
            { message: `${req.method} is not allowed here; the public content is read-only.` },
          ],
        }),
      )
      return
    }
    const url = req.url ?? '/'
    const query = url.indexOf('?')
    const path = query === -1 ? url : url.slice(0, query)
    const hit = this.responses.get(path)
    if (hit && hit.generation === this.generation && this.clock() < hit.validUntil) {
      this.write(req, res, hit.prepared)
      return
    }
    this.prepare(path).then(
      (prepared) => this.write(req, res, prepared),
      (error: unknown) => {
        this.payload.logger.error(
          { err: error, path },
          'Delivery: could not build a public response',
        )
        if (res.headersSent) return res.destroy()
        res.writeHead(500, {
          'Content-Type': CONTENT_TYPES.json,
          'Cache-Control': 'no-store',
          ...PUBLIC_SECURITY_HEADERS,
        })
        res.end(
          JSON.stringify({
            errors: [{ message: 'The content could not be read; try again shortly.' }],
          }),
        )
      },
    )
  }

  private write(req: IncomingMessage, res: ServerResponse, prepared: Prepared): void {
    // The hot path adds nothing per request, except echoing the id a proxy in front gave it.
    const requestId = incomingRequestId(req)
    const withId = (headers: string[]) =>
      requestId ? [...headers, 'X-Request-Id', requestId] : headers
    const ifNoneMatch = req.headers['if-none-match']
    if (
      prepared.etag &&
      prepared.notModifiedHeaders &&
      ifNoneMatch &&
      etagMatches(ifNoneMatch, prepared.etag)
    ) {
      res.writeHead(304, withId(prepared.notModifiedHeaders))
      res.end()
      return
    }
    res.writeHead(prepared.status, withId(prepared.headers))
    res.end(req.method === 'HEAD' ? undefined : prepared.body)
  }

  private localeState(locale: string): Promise<LocaleState> {
    let state = this.states.get(locale)
    if (!state) {
      const loading: Promise<LocaleState> = listReleaseSummaries(this.payload, locale).then(
        (releases) => ({
          releases,
          timeline: releaseTimeline(releases, this.clock()),
        }),
      )
      loading.catch(() => this.states.delete(locale))
      this.states.set(locale, loading)
      state = loading
    }
    const generation = this.generation
    return state.then((loaded) => {
      if (this.clock() < loaded.timeline.nextChangeAt) return loaded
      // An effective date has passed since the load: same releases, new answer to "which is current".
      const refreshed = { ...loaded, timeline: releaseTimeline(loaded.releases, this.clock()) }
      if (generation === this.generation) this.states.set(locale, Promise.resolve(refreshed))
      return refreshed
    })
  }

  private withContent(release: StoredReleaseSummary): Promise<FullRelease> {
    let body = this.contents.get(release.id)
    if (body) {
      this.contents.delete(release.id)
    } else {
      if (this.contents.size >= MAX_CACHED_CONTENTS)
        this.contents.delete(this.contents.keys().next().value as number | string)
      const loading = readReleaseBody(this.payload, release.id)
      loading.catch(() => this.contents.delete(release.id))
      body = loading
    }
    this.contents.set(release.id, body)
    return body.then((loaded) => ({ ...release, content: loaded.content, sources: loaded.sources }))
  }

  private async prepare(path: string): Promise<Prepared> {
    const generation = this.generation
    const route = matchPublicRoute(path)
    if (!route) return this.error(404, 'json', `Nothing is published at ${path}.`, null)
    const format = formatOf(route)
    if (!isLocaleCode(route.locale)) {
      return this.error(
        404,
        format === 'json' ? 'json' : 'html',
        `Unknown locale ${JSON.stringify(route.locale)}; available: ${LOCALES.join(', ')}.`,
        null,
        {
          locales: [...LOCALES],
        },
      )
    }
    if (route.kind === 'bad-number') {
      return this.error(
        400,
        format,
        `${JSON.stringify(route.value)} is not a release number (a whole number, 1 or more).`,
        route.locale,
      )
    }
    const [state, source] = await Promise.all([
      this.localeState(route.locale),
      this.localeState(SOURCE_LOCALE),
    ])
    const built = await this.build(route, format, state, source)
    if (built.status === 200) {
      const validUntil = Math.min(state.timeline.nextChangeAt, source.timeline.nextChangeAt)
      if (this.responses.size >= MAX_CACHED_RESPONSES)
        this.responses.delete(this.responses.keys().next().value as string)
      if (generation === this.generation)
        this.responses.set(path, { prepared: built, generation, validUntil })
    }
    return built
  }

  private async build(
    route: Exclude<PublicRoute, { kind: 'bad-number' }>,
    format: Format,
    state: LocaleState,
    source: LocaleState,
  ): Promise<Prepared> {
    const { locale } = route
    const { timeline } = state
    const current = timeline.current
    const visible = (number: number) =>
      timeline.visible.find((release) => release.number === number) ?? null
    const noRelease = () =>
      this.error(404, format, `No ${locale} release is in effect yet.`, locale)
    const missingRelease = (number: number) =>
      this.error(404, format, `There is no ${locale} release ${number} in effect.`, locale)
    const full = (release: StoredReleaseSummary) => this.withContent(release)
    // Against the source release in effect when this one is: now, or at its date for an upcoming one.
    const translation = async (release: FullRelease) => {
      if (release.locale === SOURCE_LOCALE) return translationStatus(release, null, source.releases)
      const at = Math.max(this.clock(), Date.parse(release.effectiveAt))
      const inEffect =
        at <= this.clock() ? source.timeline.current : releaseTimeline(source.releases, at).current
      return translationStatus(release, inEffect ? await full(inEffect) : null, source.releases)
    }
    const upcomingMeta = timeline.upcoming.map((release) => releaseMeta(release, 'upcoming'))

    switch (route.kind) {
      case 'api-current':
      case 'export-json': {
        if (!current) return noRelease()
        const release = await full(current)
        const document = releaseDocument(release, 'current', {
          translation: await translation(release),
          upcoming: upcomingMeta,
        })
        const disposition =
          route.kind === 'export-json'
            ? `attachment; filename="partners-${locale}-release-${current.number}.json"`
            : null
        return this.ok(
          format,
          JSON.stringify(document),
          [current, ...this.sourceBasis(current, source)],
          disposition,
        )
      }
      case 'api-releases':
        return this.ok(
          format,
          JSON.stringify({
            locale,
            current: current?.number ?? null,
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
        return this.ok(format, JSON.stringify(document), [release])
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
          return this.ok(
            format,
            renderDiffPage({ diff, fromRelease: from, toRelease: to, locales: LOCALES }),
            [from, to],
          )
        }
        return this.ok(
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
        return this.ok(
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
          locales: LOCALES,
        })
        return this.ok(format, html, [current, ...this.sourceBasis(current, source)])
      }
      case 'page-history':
        if (!current) return noRelease()
        return this.ok(
          format,
          renderHistoryPage({
            locale,
            releases: timeline.visible.map((release) => ({
              release,
              status: timeline.statusOf(release),
            })),
            locales: LOCALES,
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
          locales: LOCALES,
        })
        return this.ok(format, html, [release])
      }
      case 'feed':
        return this.ok(
          format,
          renderAtomFeed({
            locale,
            releases: timeline.visible,
            baseUrl: this.options.publicUrl(),
            title: current ? (await full(current)).content.page.title : null,
          }),
          timeline.visible.slice(0, 1),
        )
      case 'export-csv':
        if (!current) return noRelease()
        return this.ok(
          format,
          renderCsv(await full(current)),
          [current],
          `attachment; filename="partners-${locale}-release-${current.number}.csv"`,
        )
    }
  }

  /** For a target locale, the source release in effect also shapes the page (the "source changed" notice). */
  private sourceBasis(release: ReleaseSummary, source: LocaleState): ReleaseSummary[] {
    return release.locale !== SOURCE_LOCALE && source.timeline.current
      ? [source.timeline.current]
      : []
  }

  private ok(
    format: Format,
    text: string,
    basedOn: readonly ReleaseSummary[],
    disposition: string | null = null,
  ): Prepared {
    const body = Buffer.from(text, 'utf8')
    const etag = etagFor(body, basedOn[0]?.contentHash ?? null)
    const lastModified = basedOn.length
      ? new Date(Math.max(...basedOn.map(visibleSince))).toUTCString()
      : null
    const caching: Record<string, string> = {
      ETag: etag,
      'Cache-Control': this.cacheControl,
      ...(lastModified ? { 'Last-Modified': lastModified } : {}),
      ...(format === 'json' ? { 'Access-Control-Allow-Origin': '*' } : {}),
    }
    return {
      status: 200,
      etag,
      body,
      notModifiedHeaders: flatHeaders({ ...caching, ...PUBLIC_SECURITY_HEADERS }),
      headers: flatHeaders({
        'Content-Type': CONTENT_TYPES[format],
        'Content-Length': String(body.length),
        ...caching,
        ...(disposition ? { 'Content-Disposition': disposition } : {}),
        ...PUBLIC_SECURITY_HEADERS,
      }),
    }
  }

  private error(
    status: number,
    format: Format,
    message: string,
    locale: string | null,
    extra: Record<string, unknown> = {},
  ): Prepared {
    const text =
      format === 'json' || format === 'csv'
        ? JSON.stringify({ errors: [{ message }], ...extra })
        : renderErrorPage({ status, message, locale: locale ?? SOURCE_LOCALE })
    const body = Buffer.from(text, 'utf8')
    return {
      status,
      etag: null,
      body,
      notModifiedHeaders: null,
      headers: flatHeaders({
        'Content-Type':
          format === 'json' || format === 'csv' ? CONTENT_TYPES.json : CONTENT_TYPES.html,
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        ...(format === 'json' ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...PUBLIC_SECURITY_HEADERS,
      }),
    }
  }
}

/** The delivery service as the server processes configure it (`KAIJI_PUBLIC_CACHE_CONTROL`). */
export const createDeliveryService = (payload: Payload, publicUrl: () => string): DeliveryService =>
  new DeliveryService(payload, {
    publicUrl,
    cacheControl: settings().publicCacheControl ?? undefined,
  })
