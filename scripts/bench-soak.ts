/**
 * `npm run bench:soak [-- --duration S] [-- --warmup S] [-- --readers N]`: a soak under mixed load on loopback, printed as tables.
 *   Starts the real server (`npm start`, fresh database, seeded) with its delivery-only public site, makes the test users,
 *   has translators approve and publish en, fr and ru once, then runs closed-loop virtual users for `--duration` seconds
 *   (default 300, warm-up included): public readers on the public site and the main port, editors reading and saving their
 *   own document in one locale (with the revision they read) and submitting it, a reviewer reading and approving (or
 *   requesting changes on) each submission, and a publisher publishing the locales in turn, each publish followed until the
 *   public site serves it. Prints per kind of request: count, expected refusals, errors, p50/p99 (after the warm-up, 2xx only);
 *   the resident memory of the main process and of the public site (sampled every second) after the warm-up, at most and at
 *   the end; and PASS/FAIL for "no errors" and "RSS growth under 10% after the warm-up".
 * Expected refusals (a 409 for a stale revision, a state the action does not apply to, a translation whose source moved,
 * nothing new to publish, or a translation of ja text not yet published) are counted apart; any other non-2xx answer or
 * network error is an error.
 * Rate limits (KAIJI_RATE_LIMIT_LOGIN, KAIJI_RATE_LIMIT_PUBLIC) are turned off in the server's environment, so the soak
 * measures the server, not the limiter. Exits 0 whatever the figures; non-zero only when it could not run.
 */
import fs from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'

import type { ApiClient, ApiResponse, TestUserName } from '@support/apiClient'
import { startIsolatedServer } from '@support/testServer'
import { childrenOf, residentMb } from '@support/processes'
import { runScript } from '@support/server.mjs'
import {
  fixed,
  loadAverage,
  log,
  median,
  onCleanup,
  printTable,
  runBench,
  sleep,
} from './benchSupport'

const USAGE = `npm run bench:soak [-- --duration S] [-- --warmup S] [-- --readers N] [-- --heap-mb M]
  --duration S  seconds of load, warm-up included (default 300)
  --warmup S    the first seconds, left out of the latencies and the RSS baseline (default 30)
  --readers N   public readers (default 8); the editors, reviewer and publisher are fixed
  --heap-mb M   run the server processes with V8's old space capped at M MB (--max-old-space-size), to tell
                a leak (it would run out) from V8 growing its heap because memory is there`

const LOCALES = ['ja', 'en', 'fr', 'ru'] as const
type Locale = (typeof LOCALES)[number]

/** One public reader in four reads the main port (which also serves the admin, REST and the writes); the rest the public site. */
const MAIN_PORT_READER_EVERY = 4
const READER_THINK_MS = 20
const EDITOR_THINK_MS = 500
const SAVES_PER_SUBMIT = 3
const REVIEWER_THINK_MS = 200
/** Every fifth review requests changes; the others approve. */
const REQUEST_CHANGES_EVERY = 5
const PUBLISH_EVERY_MS = 2_000
const SERVED_POLL_MS = 25
const SERVED_TIMEOUT_MS = 10_000
const RSS_SAMPLE_MS = 1_000
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100
/** The warm-up's RSS is the median of its last seconds (one sample can land before or after a collection). */
const WARM_UP_RSS_WINDOW_S = 10
const FINAL_RSS_WINDOW_S = 60
const RSS_SERIES_S = 10
const RSS_GROWTH_LIMIT = 0.1
const PROGRESS_EVERY_S = 30
const ERROR_SAMPLES = 10
const STOP_TIMEOUT_MS = 30_000

const SERVER_ENV = {
  KAIJI_PUBLIC_PORT: '0',
  KAIJI_RATE_LIMIT_LOGIN: 'off',
  KAIJI_RATE_LIMIT_PUBLIC: 'off',
}

const TRANSLATORS: Record<Exclude<Locale, 'ja'>, TestUserName> = {
  en: 'translatorEn',
  fr: 'translatorFrRu',
  ru: 'translatorFrRu',
}

/** Who edits what: one (document, locale) per editor, so editors never save over each other. */
const EDITORS: Array<{ subject: string; locale: Locale; who: TestUserName }> = [
  { subject: 'cloud-platform', locale: 'ja', who: 'editor' },
  { subject: 'maps', locale: 'ja', who: 'editor2' },
  { subject: 'page', locale: 'ja', who: 'editor' },
  { subject: 'analytics', locale: 'en', who: 'translatorEn' },
  { subject: 'page', locale: 'en', who: 'translatorEn' },
  { subject: 'support', locale: 'fr', who: 'translatorFrRu' },
  { subject: 'marketing', locale: 'ru', who: 'translatorFrRu' },
]

const publicPaths = (locale: Locale) => [
  `/content/v1/partners/${locale}`,
  `/content/v1/partners/${locale}/releases`,
  `/content/v1/partners/${locale}/releases/1`,
  `/content/v1/partners/${locale}/upcoming`,
  `/partners/${locale}`,
  `/partners/${locale}/history`,
  `/partners/${locale}/feed.atom`,
  `/partners/${locale}.json`,
  `/partners/${locale}.csv`,
]
const PUBLIC_PATHS = LOCALES.flatMap(publicPaths)

const KINDS = [
  'public read (public site)',
  'public read (main port)',
  'editor read',
  'editor save',
  'workflow submit',
  'review read',
  'workflow approve',
  'workflow request-changes',
  'publish',
  'publish → served (public site)',
] as const
type Kind = (typeof KINDS)[number]

type Stats = {
  requests: number
  ok: number
  expected: Map<string, number>
  errors: number
  measured: number
  latencies: number[]
}
const stats = new Map<Kind, Stats>(
  KINDS.map((kind) => [
    kind,
    { requests: 0, ok: 0, expected: new Map(), errors: 0, measured: 0, latencies: [] },
  ]),
)
const errorSamples: string[] = []

let loadStartedAt = 0
let measuringFrom = Number.POSITIVE_INFINITY
let stopping = false
const elapsedS = () => (performance.now() - loadStartedAt) / 1000

const statsOf = (kind: Kind): Stats => {
  const found = stats.get(kind)
  if (!found) throw new Error(`no statistics for ${kind}`)
  return found
}

/** Counts one finished request: `refusal` names an expected refusal, `error` describes an error; neither means 2xx. */
const record = (
  kind: Kind,
  started: number,
  outcome: { refusal?: string; error?: string } = {},
) => {
  const ms = performance.now() - started
  const entry = statsOf(kind)
  entry.requests += 1
  if (outcome.error !== undefined) {
    entry.errors += 1
    if (errorSamples.length < ERROR_SAMPLES)
      errorSamples.push(`t=${elapsedS().toFixed(0)} s ${kind}: ${outcome.error}`)
  } else if (outcome.refusal !== undefined) {
    entry.expected.set(outcome.refusal, (entry.expected.get(outcome.refusal) ?? 0) + 1)
  } else {
    entry.ok += 1
  }
  if (started >= measuringFrom) {
    entry.measured += 1
    if (outcome.error === undefined && outcome.refusal === undefined) entry.latencies.push(ms)
  }
}

const messageOf = (error: unknown) =>
  error instanceof Error
    ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
    : String(error)
const brief = (text: string) => text.replace(/\s+/g, ' ').slice(0, 300)

/** Expected refusals, by the message the server gives; anything else that is not 2xx is an error. */
const refusalOf = (status: number, text: string): string | undefined => {
  if (status !== 409) return undefined
  if (text.includes('Someone else saved this')) return '409 stale revision'
  if (/Cannot (submit|withdraw|approve|request changes) from/.test(text))
    return '409 state does not allow the action'
  if (text.includes('source changed since this'))
    return '409 translation of a source that changed since'
  if (text.includes('Nothing to publish')) return '409 nothing new to publish'
  if (
    text.includes('a translation cannot take effect before the ja text it translates is published')
  )
    return '409 translation of ja text not yet published'
  if (text.includes('published at the same moment')) return '409 concurrent publish'
  return undefined
}

type CallOptions = Parameters<ApiClient['request']>[1]

/** One timed API call: returns the response when it is 2xx, null otherwise (counted as a refusal or an error). */
const call = async <T>(
  kind: Kind,
  client: ApiClient,
  path: string,
  options: CallOptions = {},
): Promise<T | null> => {
  const started = performance.now()
  try {
    const response = await client.request<T>(path, options)
    if (response.status >= 200 && response.status < 300) {
      record(kind, started)
      return response.body
    }
    const refusal = refusalOf(response.status, response.text)
    record(
      kind,
      started,
      refusal
        ? { refusal }
        : {
            error: `${options.method ?? 'GET'} ${path} → ${response.status} ${brief(response.text)}`,
          },
    )
  } catch (error) {
    record(kind, started, { error: `${options.method ?? 'GET'} ${path}: ${messageOf(error)}` })
  }
  return null
}

/** A public GET, body read whole (not parsed): the reader's view. */
const publicGet = async (kind: Kind, url: string) => {
  const started = performance.now()
  try {
    const response = await fetch(url, { redirect: 'manual' })
    const body = await response.arrayBuffer()
    if (response.status === 200) record(kind, started)
    else
      record(kind, started, {
        error: `GET ${url} → ${response.status} ${brief(Buffer.from(body).toString('utf8'))}`,
      })
  } catch (error) {
    record(kind, started, { error: `GET ${url}: ${messageOf(error)}` })
  }
}

const whileRunning = async (think: number, step: () => Promise<void>) => {
  while (!stopping) {
    await step()
    if (!stopping) await sleep(think)
  }
}

type Server = Awaited<ReturnType<typeof startIsolatedServer>>

type Subject = {
  content: string
  workflow: string
  method: 'PATCH' | 'POST'
  field: 'name' | 'title'
}

const subjectPaths = (subject: string, ids: Map<string, number>): Subject => {
  if (subject === 'page')
    return {
      content: '/api/globals/partners-page',
      workflow: '/api/globals/partners-page/workflow',
      method: 'POST',
      field: 'title',
    }
  const id = ids.get(subject)
  if (id === undefined) throw new Error(`no category with key ${subject}`)
  return {
    content: `/api/partner-categories/${id}`,
    workflow: `/api/partner-categories/${id}/workflow`,
    method: 'PATCH',
    field: 'name',
  }
}

/** Submissions waiting for the reviewer; each editor waits for the decision on its own before editing again. */
type Submission = { subject: Subject; locale: Locale; decided: () => void }
const submissions: Submission[] = []
let wakeReviewer: (() => void) | null = null
/** After the stop nobody reviews: the editor does not wait. */
const submitForReview = (subject: Subject, locale: Locale) =>
  new Promise<void>((decided) => {
    if (stopping) return decided()
    submissions.push({ subject, locale, decided })
    wakeReviewer?.()
  })

const tokensOf = async (server: Server) => {
  const names: TestUserName[] = [
    'admin',
    'editor',
    'editor2',
    'reviewer',
    'translatorEn',
    'translatorFrRu',
  ]
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await server.client.login(name)])),
  ) as Record<TestUserName, string>
}

/** Makes en, fr and ru publishable: a translator translates every category and the page, the reviewer approves, then publishes release 1. */
const publishTranslations = async (
  server: Server,
  tokens: Record<TestUserName, string>,
  ids: Map<string, number>,
) => {
  const api = server.client
  const expectOk = (what: string, response: ApiResponse) => {
    if (response.status < 200 || response.status > 299)
      throw new Error(`setup: ${what} → ${response.status} ${response.text}`)
  }
  for (const [locale, translator] of Object.entries(TRANSLATORS)) {
    for (const subject of ['page', ...ids.keys()]) {
      const paths = subjectPaths(subject, ids)
      const data = { [paths.field]: `${subject} (${locale})` }
      expectOk(
        `translate ${subject} (${locale})`,
        await api.request(`${paths.content}?locale=${locale}`, {
          method: paths.method,
          token: tokens[translator],
          json: data,
        }),
      )
      expectOk(
        `submit ${subject} (${locale})`,
        await api.request(paths.workflow, {
          method: 'POST',
          token: tokens[translator],
          json: { action: 'submit', locale },
        }),
      )
      expectOk(
        `approve ${subject} (${locale})`,
        await api.request(paths.workflow, {
          method: 'POST',
          token: tokens.reviewer,
          json: { action: 'approve', locale },
        }),
      )
    }
    const published = await api.request<{ release?: { number: number } }>('/api/releases/publish', {
      method: 'POST',
      token: tokens.reviewer,
      json: { locale, summary: `soak: ${locale} translated`, changeType: 'editorial' },
    })
    expectOk(`publish ${locale}`, published)
  }
}

type RssSample = { t: number; main: number; site: number }

/** Running, from /proc (Linux): a zombie (ended, not yet reaped by whoever adopted it) counts as ended. */
const isRunning = (pid: number): boolean => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}

/** Waits for a process this run started (indirectly) to end; SIGKILL after `ms`. */
const waitForExit = async (pid: number, ms = 10_000) => {
  const deadline = Date.now() + ms
  while (pid && isRunning(pid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // ended meanwhile
      }
      await sleep(100)
      return
    }
    await sleep(50)
  }
}

/** CPU seconds (user + system) of a process, from /proc (Linux); NaN when it has gone. */
const cpuSeconds = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return Number.NaN
  }
}

/**
 * CPU seconds used by the servers and by this process (the load generator shares the machine):
 * call with null for a starting point, then with that point for the seconds used since.
 */
const cpuCounter = (pids: Record<string, () => number>) => {
  type Point = { at: number; seconds: Record<string, number> }
  return (from: Point | null): Point => {
    const own = process.cpuUsage()
    const now: Point = {
      at: performance.now(),
      seconds: {
        ...Object.fromEntries(
          Object.entries(pids).map(([label, pid]) => [label, cpuSeconds(pid())]),
        ),
        'load generator': (own.user + own.system) / 1e6,
      },
    }
    if (!from) return now
    return {
      at: now.at - from.at,
      seconds: Object.fromEntries(
        Object.entries(now.seconds).map(([label, value]) => [
          label,
          value - (from.seconds[label] ?? 0),
        ]),
      ),
    }
  }
}

const main = async () => {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      readers: { type: 'string', default: '8' },
      'heap-mb': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    log(USAGE)
    return
  }
  const duration = Number(values.duration)
  const warmup = Number(values.warmup)
  const readers = Number(values.readers)
  if (!Number.isInteger(duration) || duration < 2)
    throw new Error(
      `--duration must be a whole number of seconds, 2 or more, not ${JSON.stringify(values.duration)}`,
    )
  if (!Number.isInteger(warmup) || warmup < 1 || warmup >= duration)
    throw new Error(
      `--warmup must be a whole number of seconds, 1 or more and less than --duration, not ${JSON.stringify(values.warmup)}`,
    )
  if (!Number.isInteger(readers) || readers < 1)
    throw new Error(
      `--readers must be a whole number, 1 or more, not ${JSON.stringify(values.readers)}`,
    )
  const heapMb = values['heap-mb'] === undefined ? null : Number(values['heap-mb'])
  if (heapMb !== null && (!Number.isInteger(heapMb) || heapMb < 64))
    throw new Error(
      `--heap-mb must be a whole number of MB, 64 or more, not ${JSON.stringify(values['heap-mb'])}`,
    )
  const serverEnv: Record<string, string> = {
    ...SERVER_ENV,
    ...(heapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}),
  }

  const cpus = os.cpus()
  const loadBefore = loadAverage()
  log(
    `Kaiji soak — ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`,
  )
  log(`load average ${loadBefore}`)
  log(
    `${duration} s of load, the first ${warmup} s a warm-up (latencies and RSS growth are measured after it)`,
  )
  log(
    `virtual users (closed loop): ${readers} public readers (${PUBLIC_PATHS.length} paths in turn, ${READER_THINK_MS} ms apart; one in ${MAIN_PORT_READER_EVERY} on the main port), ` +
      `${EDITORS.length} editors (${SAVES_PER_SUBMIT} read-and-saves ${EDITOR_THINK_MS} ms apart, then submit and wait for the review), ` +
      `1 reviewer (reads the workflow, then approves, or requests changes every ${REQUEST_CHANGES_EVERY}th time), ` +
      `1 publisher (a locale every ${PUBLISH_EVERY_MS / 1000} s in turn, then polls the public site until it serves the release)`,
  )
  log(
    `rate limits off in the server's environment: ${Object.entries(SERVER_ENV)
      .filter(([name]) => name.startsWith('KAIJI_RATE'))
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  )

  if (heapMb) log(`server processes run with NODE_OPTIONS=${serverEnv.NODE_OPTIONS}`)
  log(
    'starting the server with its public site (npm start; builds first when the sources changed)…',
  )
  const server = await startIsolatedServer('bench-soak', serverEnv)
  let sitePid = childrenOf(server.pid)[0] ?? 0
  onCleanup(async () => {
    await server.stop()
    // The server exits without waiting for its public site, which may still be closing its database: wait before removing it.
    await waitForExit(sitePid)
    fs.rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 3 })
  })
  const site = server.publicSite
  if (!site) throw new Error('the public site did not start')
  const mainUrl = server.client.baseURL
  if (!sitePid) throw new Error('cannot find the public site process (a child of the server)')
  log(`main server ${mainUrl} (pid ${server.pid}), public site ${site.baseURL} (pid ${sitePid})`)

  const tokens = await tokensOf(server)
  const api = server.client
  const categories = await api.request<{ docs: Array<{ id: number; key: string }> }>(
    '/api/partner-categories?limit=100&depth=0',
    { token: tokens.admin },
  )
  const ids = new Map(categories.body.docs.map((doc) => [doc.key, doc.id]))
  log(`setup: ${ids.size} categories; translating, approving and publishing en, fr and ru…`)
  await publishTranslations(server, tokens, ids)
  for (const locale of LOCALES) {
    const served = await fetch(`${site.baseURL}/content/v1/partners/${locale}`)
    if (served.status !== 200)
      throw new Error(`setup: the public site answers ${served.status} for ${locale}`)
    await served.arrayBuffer()
  }
  const outputBefore = server.logs().length

  const rss: RssSample[] = []
  let siteRestarts = 0
  const sampleRss = () => {
    let site = Number.NaN
    try {
      site = residentMb(sitePid)
    } catch {
      // The public site was restarted by its supervisor: follow the new process, and count it.
      const next = childrenOf(server.pid)[0]
      if (next && next !== sitePid) {
        siteRestarts += 1
        if (errorSamples.length < ERROR_SAMPLES)
          errorSamples.push(
            `t=${elapsedS().toFixed(0)} s the public site process ${sitePid} was replaced by ${next}`,
          )
        sitePid = next
      }
    }
    let main = Number.NaN
    try {
      main = residentMb(server.pid)
    } catch {
      // the server is gone: the requests will say so
    }
    rss.push({ t: elapsedS(), main, site })
  }

  const progress = (note = '') => {
    const all = [...stats.values()]
    const last = rss.at(-1)
    log(
      `  t=${elapsedS().toFixed(0)} s${note}: ` +
        `${all.reduce((sum, entry) => sum + entry.requests, 0)} requests, ${all.reduce((sum, entry) => sum + entry.errors, 0)} errors; ` +
        `RSS main ${fixed(last?.main ?? Number.NaN, 0)} MB, public site ${fixed(last?.site ?? Number.NaN, 0)} MB`,
    )
  }

  // The load.
  const reader = (index: number) => {
    const base =
      index % MAIN_PORT_READER_EVERY === MAIN_PORT_READER_EVERY - 1 ? mainUrl : site.baseURL
    const kind: Kind = base === mainUrl ? 'public read (main port)' : 'public read (public site)'
    let next = (index * 7) % PUBLIC_PATHS.length
    return whileRunning(READER_THINK_MS, async () => {
      const path = PUBLIC_PATHS[next] ?? PUBLIC_PATHS[0]
      next = (next + 1) % PUBLIC_PATHS.length
      await publicGet(kind, `${base}${path}`)
    })
  }

  const editor = ({ subject, locale, who }: (typeof EDITORS)[number]) => {
    const paths = subjectPaths(subject, ids)
    const token = tokens[who]
    let saves = 0
    return whileRunning(EDITOR_THINK_MS, async () => {
      const copy = await call<{ revision?: number }>(
        'editor read',
        api,
        `${paths.content}?locale=${locale}&depth=0`,
        { token },
      )
      if (!copy || stopping) return
      saves += 1
      await call('editor save', api, `${paths.content}?locale=${locale}`, {
        method: paths.method,
        token,
        json: {
          [paths.field]: `${subject} (${locale}, soak ${saves})`,
          revision: copy.revision ?? 0,
        },
      })
      if (saves % SAVES_PER_SUBMIT !== 0 || stopping) return
      await sleep(EDITOR_THINK_MS)
      const submitted = await call('workflow submit', api, paths.workflow, {
        method: 'POST',
        token,
        json: { action: 'submit', locale },
      })
      if (submitted) await submitForReview(paths, locale)
    })
  }

  let reviews = 0
  const reviewer = async () => {
    while (!stopping) {
      const submission = submissions.shift()
      if (!submission) {
        await new Promise<void>((wake) => {
          wakeReviewer = wake
          setTimeout(wake, 250)
        })
        wakeReviewer = null
        continue
      }
      const { subject, locale, decided } = submission
      await call('review read', api, `${subject.workflow}?locale=${locale}`, {
        token: tokens.reviewer,
      })
      await sleep(REVIEWER_THINK_MS)
      reviews += 1
      const requestChanges = reviews % REQUEST_CHANGES_EVERY === 0
      await call(
        requestChanges ? 'workflow request-changes' : 'workflow approve',
        api,
        subject.workflow,
        {
          method: 'POST',
          token: tokens.reviewer,
          json: requestChanges
            ? { action: 'request-changes', locale, reason: 'soak: please reword' }
            : { action: 'approve', locale },
        },
      )
      decided()
    }
    for (const { decided } of submissions.splice(0)) decided()
  }

  const published = new Map<Locale, number>()
  let publishes = 0
  const publisher = () =>
    whileRunning(PUBLISH_EVERY_MS, async () => {
      const locale = LOCALES[publishes % LOCALES.length] ?? 'ja'
      publishes += 1
      const result = await call<{ release?: { number: number } }>(
        'publish',
        api,
        '/api/releases/publish',
        {
          method: 'POST',
          token: tokens.reviewer,
          json: { locale, summary: `soak publish ${publishes}`, changeType: 'editorial' },
        },
      )
      const number = result?.release?.number
      if (number === undefined) return
      published.set(locale, number)
      const started = performance.now()
      while (performance.now() - started < SERVED_TIMEOUT_MS) {
        try {
          const response = await fetch(`${site.baseURL}/content/v1/partners/${locale}`)
          const body = (await response.json()) as { release?: { number?: number } }
          if ((body.release?.number ?? 0) >= number)
            return record('publish → served (public site)', started)
        } catch {
          // counted below if it never serves the release
        }
        await sleep(SERVED_POLL_MS)
      }
      record('publish → served (public site)', started, {
        error: `${locale} release ${number} not served within ${SERVED_TIMEOUT_MS / 1000} s`,
      })
    })

  log(`load running for ${duration} s…`)
  const cpuSince = cpuCounter({ 'main server': () => server.pid, 'public site': () => sitePid })
  const cpuAtStart = cpuSince(null)
  loadStartedAt = performance.now()
  measuringFrom = loadStartedAt + warmup * 1000
  sampleRss()
  const sampler = setInterval(sampleRss, RSS_SAMPLE_MS)
  const reporter = setInterval(
    () => Math.abs(elapsedS() - warmup) > 1 && progress(),
    PROGRESS_EVERY_S * 1000,
  )
  const warmedUp = setTimeout(() => progress(' (warm-up over)'), warmup * 1000)
  const users = [
    ...Array.from({ length: readers }, (_, index) => reader(index)),
    ...EDITORS.map(editor),
    reviewer(),
    publisher(),
  ]
  await sleep(duration * 1000)
  stopping = true
  wakeReviewer?.()
  clearInterval(sampler)
  clearInterval(reporter)
  clearTimeout(warmedUp)
  sampleRss()
  const stoppedAt = elapsedS()
  const cpuUsed = cpuSince(cpuAtStart)
  const finished = await Promise.race([
    Promise.all(users).then(() => true),
    sleep(STOP_TIMEOUT_MS).then(() => false),
  ])
  log(
    `load stopped at t=${stoppedAt.toFixed(0)} s; requests in flight ${finished ? `finished by t=${elapsedS().toFixed(1)} s` : `still running after ${STOP_TIMEOUT_MS / 1000} s`}`,
  )

  // Checks after the load: every locale's newest release is what the public site serves; the audit trail still verifies.
  const stale: string[] = []
  for (const [locale, number] of published) {
    const body = (await (await fetch(`${site.baseURL}/content/v1/partners/${locale}`)).json()) as {
      release?: { number?: number }
    }
    if (body.release?.number !== number)
      stale.push(`${locale} serves ${body.release?.number}, newest ${number}`)
  }
  const audit = await runScript('src/cli/auditVerify.ts', [], { KAIJI_DATA_DIR: server.dataDir })
  const serverErrors = server
    .logs()
    .slice(outputBefore)
    .split('\n')
    .filter((line) => /\bERROR\b|"level":(50|60)/.test(line))

  // Figures.
  const measuredSeconds = duration - warmup
  const percentile = (sorted: number[], q: number) =>
    sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
  log('')
  printTable(
    [
      { title: 'kind' },
      ...[
        'requests',
        'ok',
        'expected refusals',
        'errors',
        'req/s after warm-up',
        'p50 ms',
        'p99 ms',
        'max ms',
      ].map((title) => ({ title, right: true })),
    ],
    KINDS.map((kind) => {
      const entry = statsOf(kind)
      const sorted = [...entry.latencies].sort((a, b) => a - b)
      const refused = [...entry.expected.values()].reduce((sum, count) => sum + count, 0)
      return [
        kind,
        String(entry.requests),
        String(entry.ok),
        String(refused),
        String(entry.errors),
        (entry.measured / measuredSeconds).toFixed(1),
        fixed(percentile(sorted, 0.5), 1),
        fixed(percentile(sorted, 0.99), 1),
        fixed(sorted.at(-1) ?? Number.NaN, 1),
      ]
    }),
  )
  const refusals = KINDS.flatMap((kind) =>
    [...statsOf(kind).expected].map(([label, count]) => `${kind}: ${label} ×${count}`),
  )
  log(`\nexpected refusals: ${refusals.length ? refusals.join('; ') : 'none'}`)
  if (errorSamples.length)
    log(
      `errors (first ${errorSamples.length}):\n${errorSamples.map((line) => `  ${line}`).join('\n')}`,
    )

  const window = (from: number, to: number, pick: (sample: RssSample) => number) =>
    median(
      rss
        .filter((sample) => sample.t >= from && sample.t <= to)
        .map(pick)
        .filter(Number.isFinite),
    )
  const memoryRow = (label: string, pick: (sample: RssSample) => number) => {
    const atWarmup = window(Math.max(0, warmup - WARM_UP_RSS_WINDOW_S), warmup, pick)
    const lastMinute = window(Math.max(warmup, stoppedAt - FINAL_RSS_WINDOW_S), stoppedAt, pick)
    const after = rss
      .filter((sample) => sample.t >= warmup)
      .map(pick)
      .filter(Number.isFinite)
    const final = after.at(-1) ?? Number.NaN
    const growth = (lastMinute - atWarmup) / atWarmup
    return {
      label,
      atWarmup,
      max: Math.max(...after),
      final,
      lastMinute,
      growth,
      growthFinal: (final - atWarmup) / atWarmup,
    }
  }
  const memory = [
    memoryRow('main server', (sample) => sample.main),
    memoryRow('public site', (sample) => sample.site),
  ]
  const percent = (value: number) =>
    Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%` : 'n/a'
  log(
    `\nresident memory (VmRSS every ${RSS_SAMPLE_MS / 1000} s; after warm-up = median of its last ${WARM_UP_RSS_WINDOW_S} s; growth = median of the last ${FINAL_RSS_WINDOW_S} s of load against it):`,
  )
  printTable(
    [
      { title: 'process' },
      ...[
        'after warm-up MB',
        'max MB',
        'final MB',
        'last-minute median MB',
        'growth',
        'growth (final)',
      ].map((title) => ({ title, right: true })),
    ],
    memory.map((row) => [
      row.label,
      fixed(row.atWarmup, 0),
      fixed(row.max, 0),
      fixed(row.final, 0),
      fixed(row.lastMinute, 0),
      percent(row.growth),
      percent(row.growthFinal),
    ]),
  )

  const series = (pick: (sample: RssSample) => number) =>
    Array.from({ length: Math.ceil(stoppedAt / RSS_SERIES_S) }, (_, index) =>
      fixed(window(index * RSS_SERIES_S, (index + 1) * RSS_SERIES_S, pick), 0),
    ).join(' ')
  log(
    `RSS by ${RSS_SERIES_S} s of load (median of each, MB): main server ${series((sample) => sample.main)}; public site ${series((sample) => sample.site)}`,
  )

  const totalRequests = [...stats.values()].reduce((sum, entry) => sum + entry.requests, 0)
  const totalErrors =
    [...stats.values()].reduce((sum, entry) => sum + entry.errors, 0) + siteRestarts
  const growthOk = memory.every(
    (row) => Number.isFinite(row.growth) && row.growth < RSS_GROWTH_LIMIT,
  )
  log('')
  log(
    `${totalErrors === 0 ? 'PASS' : 'FAIL'} no errors: ${totalErrors} in ${totalRequests} requests${siteRestarts ? ` (public site restarted ${siteRestarts}×)` : ''}`,
  )
  log(
    `${growthOk ? 'PASS' : 'FAIL'} RSS growth under ${RSS_GROWTH_LIMIT * 100}% after warm-up: ${memory.map((row) => `${row.label} ${percent(row.growth)}`).join(', ')}`,
  )
  log(
    `releases published during the load: ${LOCALES.map((locale) => `${locale} up to ${published.get(locale) ?? 'none'}`).join(', ')}; ${publishes} publish attempts`,
  )
  log(
    `public site serves each locale's newest release after the load: ${stale.length ? `NO (${stale.join('; ')})` : 'yes'}`,
  )
  log(
    `audit trail after the load: ${audit.code === 0 ? audit.stdout.trim().split('\n').at(-1) : `exit ${audit.code}: ${brief(audit.stderr || audit.stdout)}`}`,
  )
  log(
    `server error lines logged during the load: ${serverErrors.length}${serverErrors.length ? ` (first: ${brief(serverErrors[0] ?? '')})` : ''}`,
  )
  const loadSeconds = cpuUsed.at / 1000
  log(
    `CPU during the load (share of one CPU): ${Object.entries(cpuUsed.seconds)
      .map(([label, seconds]) => `${label} ${fixed((seconds / loadSeconds) * 100, 0)}%`)
      .join(', ')}`,
  )
  log(
    `${cpus.length} CPUs; Node ${process.version}; load average before ${loadBefore}, after ${loadAverage()}`,
  )
}

runBench(main)
