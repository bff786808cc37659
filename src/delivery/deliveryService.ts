import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { LOCALES, SOURCE_LOCALE } from '../config/locales'
import { settings } from '../config/settings'
import { onReleasePublished } from '../releases/releaseSignal'
import {
  listReleaseSummaries,
  newestReleaseId,
  readReleaseBody,
  type ReleaseBody,
  type StoredReleaseSummary,
} from '../releases/releaseStore'
import { releaseTimeline, type Timeline } from '../releases/timeline'
import { readSiteSettings, siteSettingsStamp } from '../site/readSiteSettings'
import type { SiteSettings } from '../site/siteSettings'
import { onSiteSettingsChanged } from '../site/siteSettingsSignal'
import {
  encodeAnswer,
  writeMethodNotAllowed,
  writePrepared,
  writeReadFailure,
  type Prepared,
} from './responses'
import { answerRoute, resolvePublicPath, type FullRelease, type LocaleState } from './routeAnswers'

/**
 * Browsers revalidate every time (a 304 is cheap); a shared cache (a CDN) keeps a response 30 s and
 * may serve it 30 s more while it revalidates: a publish shows everywhere within a minute even if no
 * one purges, and the webhooks list the paths to purge for sooner.
 */
export const DEFAULT_PUBLIC_CACHE_CONTROL =
  'public, max-age=0, s-maxage=30, stale-while-revalidate=30'
const DEFAULT_POLL_MS = 250
const MAX_CACHED_RESPONSES = 2_000
/** Contents of the releases read lately; any other is one row away. Kept small: each is a large object graph. */
const MAX_CACHED_CONTENTS = 32
/** How long a read waits for a settings save announced in this process to commit (a rolled-back save never does). */
const SETTINGS_COMMIT_WAIT_MS = 2_000

type Cached = { prepared: Prepared; generation: number; validUntil: number }

export type DeliveryOptions = {
  /** The moment "now" for effective dates; injectable so tests can move time. */
  clock?: () => number
  cacheControl?: string
  /** Absolute base URL for links that must be absolute (the Atom feed); never taken from the Host header. */
  publicUrl: () => string
  /** How often to look for releases another process published (and site settings it saved). */
  pollMs?: number
  /** The zone pages show dates in (KAIJI_TIMEZONE). */
  timeZone?: string
}

/**
 * The public read side: serves only releases (and the site settings around them), from memory. A
 * publish or a settings save in this process invalidates at once; one in another process is noticed
 * by polling the newest release id and the settings' updatedAt. An effective date that
 * passes invalidates the responses that depended on it, at read time. Which view answers a path is
 * routeAnswers' job, the bytes and headers of the answer responses'.
 */
export class DeliveryService {
  private generation = 0
  private readonly responses = new Map<string, Cached>()
  private readonly states = new Map<string, Promise<LocaleState>>()
  /** Release contents (and the documents they hold) by id, least recently used first: immutable, so never invalidated, only evicted. */
  private readonly contents = new Map<number | string, Promise<ReleaseBody>>()
  private newestSeen: number | string | null | undefined = undefined
  private settings: Promise<SiteSettings> | null = null
  private settingsSeen: string | null | undefined = undefined
  /** The updatedAt of a settings save announced here, until a read sees it committed. */
  private settingsAwaited: string | null = null
  private pollTimer: NodeJS.Timeout | undefined
  private unsubscribe: Array<() => void> = []
  private readonly clock: () => number
  private readonly cacheControl: string
  private readonly invalidated = new Set<() => void>()

  constructor(
    private readonly payload: Payload,
    private readonly options: DeliveryOptions,
  ) {
    this.clock = options.clock ?? Date.now
    this.cacheControl = options.cacheControl ?? DEFAULT_PUBLIC_CACHE_CONTROL
  }

  start(): void {
    this.unsubscribe = [
      onReleasePublished((release) => {
        // Seen here first: the poll need not invalidate again for it.
        this.newestSeen = release.id
        this.invalidate()
      }),
      onSiteSettingsChanged((updatedAt) => this.siteSettingsChanged(updatedAt)),
    ]
    const poll = async () => {
      try {
        const [newest, settingsStamp] = await Promise.all([
          newestReleaseId(this.payload),
          siteSettingsStamp(this.payload),
        ])
        if (
          (this.newestSeen !== undefined && newest !== this.newestSeen) ||
          (this.settingsSeen !== undefined && settingsStamp !== this.settingsSeen)
        )
          this.invalidate()
        this.newestSeen = newest
        this.settingsSeen = settingsStamp
      } catch (error) {
        this.payload.logger.warn({ err: error }, 'Delivery: could not check for new releases')
      }
      this.pollTimer = setTimeout(() => void poll(), this.options.pollMs ?? DEFAULT_POLL_MS)
      this.pollTimer.unref()
    }
    void poll()
  }

  stop(): void {
    clearTimeout(this.pollTimer)
    for (const unsubscribe of this.unsubscribe) unsubscribe()
    this.unsubscribe = []
  }

  invalidate(): void {
    this.generation += 1
    this.states.clear()
    this.settings = null
    this.responses.clear()
    for (const listener of this.invalidated) listener()
  }

  /** Called after each invalidate(): whatever the public site answers may have changed. Returns an unsubscribe function. */
  onInvalidate(listener: () => void): () => void {
    this.invalidated.add(listener)
    return () => this.invalidated.delete(listener)
  }

  /** Every locale's timeline, as the answers being served read it. */
  async timelines(): Promise<Record<string, Timeline<StoredReleaseSummary>>> {
    return Object.fromEntries(
      await Promise.all(
        LOCALES.map(async (locale) => [locale, (await this.localeState(locale)).timeline] as const),
      ),
    )
  }

  /**
   * A settings save (in this process, or told by the main process): the pages change at once. The
   * save announces itself before its transaction commits, so reads wait until they see it.
   */
  siteSettingsChanged(updatedAt: string | null): void {
    this.settingsSeen = updatedAt
    this.settingsAwaited = updatedAt
    this.invalidate()
  }

  /** The request listener for every public path. Cache hits are answered synchronously. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      writeMethodNotAllowed(req, res)
      return
    }
    const url = req.url ?? '/'
    const query = url.indexOf('?')
    const path = query === -1 ? url : url.slice(0, query)
    const hit = this.cachedResponse(path)
    if (hit) {
      writePrepared(req, res, hit)
      return
    }
    this.prepare(path).then(
      (prepared) => writePrepared(req, res, prepared),
      (error: unknown) => {
        this.payload.logger.error(
          { err: error, path },
          'Delivery: could not build a public response',
        )
        writeReadFailure(res)
      },
    )
  }

  /** What a GET of `path` is answered with, in every encoding kept: the static export writes exactly these bytes. */
  prepared(path: string): Promise<Prepared> {
    const hit = this.cachedResponse(path)
    return hit ? Promise.resolve(hit) : this.prepare(path)
  }

  private cachedResponse(path: string): Prepared | null {
    const hit = this.responses.get(path)
    return hit && hit.generation === this.generation && this.clock() < hit.validUntil
      ? hit.prepared
      : null
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

  private siteSettings(): Promise<SiteSettings> {
    if (!this.settings) {
      const loading = this.readCommittedSettings()
      loading.catch(() => {
        if (this.settings === loading) this.settings = null
      })
      this.settings = loading
    }
    return this.settings
  }

  private async readCommittedSettings(): Promise<SiteSettings> {
    const started = Date.now()
    for (;;) {
      const read = await readSiteSettings(this.payload)
      const awaited = this.settingsAwaited
      const seen =
        awaited === null ||
        (read.updatedAt !== null && Date.parse(read.updatedAt) >= Date.parse(awaited))
      if (seen || Date.now() - started >= SETTINGS_COMMIT_WAIT_MS) {
        if (this.settingsAwaited === awaited) this.settingsAwaited = null
        return read
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
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
    const resolved = resolvePublicPath(path)
    if (!('route' in resolved)) return encodeAnswer(resolved, this.cacheControl, this.clock())
    const { route, format } = resolved
    // Every locale's releases too: which have one in effect shapes every page's language links.
    const [state, source, all, settings] = await Promise.all([
      this.localeState(route.locale),
      this.localeState(SOURCE_LOCALE),
      Promise.all(LOCALES.map((locale) => this.localeState(locale))),
      this.siteSettings(),
    ])
    const answer = await answerRoute(route, format, {
      state,
      source,
      full: (release) => this.withContent(release),
      clock: this.clock,
      publicUrl: () => this.options.publicUrl(),
      available: LOCALES.filter((_locale, index) => all[index]?.timeline.current),
      settings,
      timeZone: this.options.timeZone ?? 'UTC',
    })
    const built = await encodeAnswer(answer, this.cacheControl, this.clock())
    if (built.status === 200) {
      const validUntil = Math.min(...all.map((loaded) => loaded.timeline.nextChangeAt))
      if (this.responses.size >= MAX_CACHED_RESPONSES)
        this.responses.delete(this.responses.keys().next().value as string)
      if (generation === this.generation)
        this.responses.set(path, { prepared: built, generation, validUntil })
    }
    return built
  }
}

/** The delivery service as the server processes configure it (`KAIJI_PUBLIC_CACHE_CONTROL`). */
export const createDeliveryService = (payload: Payload, publicUrl: () => string): DeliveryService =>
  new DeliveryService(payload, {
    publicUrl,
    cacheControl: settings().publicCacheControl ?? undefined,
    timeZone: settings().timeZone,
  })
