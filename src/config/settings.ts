import path from 'node:path'

import { parseDatabaseUrl, type DatabaseTarget } from '../database/databaseUrl'
import type { RateLimitRule } from '../security/rateLimit'
import { processWide } from '../utilities/processWide'
import { payloadSecretProblem, resolvePayloadSecret } from './payloadSecret'
import { StartupError } from './startupError'

/**
 * Every environment variable Kaiji reads is read here, and only here: parsed and checked together at
 * start-up (the server, its public site, the CLIs), so a bad value stops the process with a message
 * naming the variable and what it accepts, instead of failing when something first uses it. Other
 * modules take the typed, frozen `settings()`. The README's environment table lists the same names.
 * Unset, empty and blank all mean "use the default".
 */

type Environment = Readonly<Record<string, string | undefined>>

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export type Settings = Readonly<{
  /** DATABASE_URL */
  database: Readonly<DatabaseTarget>
  /** KAIJI_DATA_DIR, absolute */
  dataDir: string
  /** PAYLOAD_SECRET as set; `resolvedPayloadSecret()` falls back to the one kept under dataDir. */
  payloadSecret: string | null
  /** HOST */
  host: string
  /** PORT */
  port: number
  /** KAIJI_PUBLIC_PORT; null for "off" */
  publicPort: number | null
  /** KAIJI_PUBLIC_URL without trailing slashes; null: the server's own address */
  publicUrl: string | null
  /** KAIJI_PUBLIC_CACHE_CONTROL; null: the delivery layer's default */
  publicCacheControl: string | null
  /** KAIJI_STATIC_EXPORT_DIR, absolute: the main server keeps a static export of the public site there; null: none */
  staticExportDir: string | null
  /** KAIJI_MATERIAL_NOTICE_DAYS */
  materialNoticeDays: number
  /** KAIJI_TIMEZONE: the IANA time zone the admin shows dates in. */
  timeZone: string
  webhooks: Readonly<{
    /** KAIJI_WEBHOOK_ALLOW_PRIVATE: deliver to loopback and private addresses too. */
    allowPrivate: boolean
  }>
  /** Every email and webhook leaves through the outbox (src/outbox), with this retry policy. */
  outbox: Readonly<{
    /** KAIJI_OUTBOX_RETRY_BASE_MS (formerly KAIJI_WEBHOOK_RETRY_BASE_MS): wait before retry k (1-based) is base × 2^(k-1). */
    retryBaseMs: number
    /** KAIJI_OUTBOX_MAX_ATTEMPTS (formerly KAIJI_WEBHOOK_MAX_ATTEMPTS) */
    maxAttempts: number
    /** KAIJI_OUTBOX_POLL_MS: how often a server looks for due deliveries (it also looks at once after each commit that queues one). */
    pollMs: number
    /** KAIJI_OUTBOX_TIMEOUT_MS (formerly KAIJI_WEBHOOK_TIMEOUT_MS): the longest one webhook request or SMTP exchange may take. */
    timeoutMs: number
  }>
  mail: Readonly<{
    /** KAIJI_SMTP_URL (smtp:// or smtps://, credentials in the URL); null: write .eml files under `outboxDir`. */
    smtpUrl: string | null
    /** KAIJI_MAIL_FROM */
    from: string
    /** Where messages are written as .eml files when no SMTP server is configured: `<KAIJI_DATA_DIR>/outbox`. */
    outboxDir: string
  }>
  /** KAIJI_NOTICE_REMINDER_DAYS: subscribers are reminded of a material change this many days before it takes effect. */
  noticeReminderDays: number
  /** KAIJI_ALLOWED_ORIGINS */
  allowedOrigins: readonly string[]
  /** KAIJI_COOKIE_SECURE: false drops Secure from the session cookie (it is only set in production). */
  cookieSecure: boolean
  /** KAIJI_TRUST_PROXY */
  trustProxy: number
  rateLimits: Readonly<{
    /** KAIJI_RATE_LIMIT_LOGIN; null is off */
    login: Readonly<RateLimitRule> | null
    /** KAIJI_RATE_LIMIT_PUBLIC; null is off */
    public: Readonly<RateLimitRule> | null
    /** KAIJI_RATE_LIMIT_OBJECTIONS: objections sent per client address; null is off */
    objections: Readonly<RateLimitRule> | null
    /** KAIJI_RATE_LIMIT_SUBSCRIBE: subscribe requests per client address; null is off */
    subscribe: Readonly<RateLimitRule> | null
    /** KAIJI_RATE_LIMIT_SUBSCRIBE_EMAIL: subscribe requests per email address; null is off */
    subscribeEmail: Readonly<RateLimitRule> | null
  }>
  /** KAIJI_LOG_FORMAT, KAIJI_LOG_LEVEL */
  log: Readonly<{ format: 'json' | 'text'; level: LogLevel }>
}>

const given = (raw: string | undefined): string | undefined =>
  raw === undefined || raw.trim() === '' ? undefined : raw

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 3000
export const DEFAULT_PUBLIC_PORT = 3001
export const DEFAULT_MATERIAL_NOTICE_DAYS = 30
/** Sign-in attempts per client address, whatever the account: slows password spraying across accounts. */
export const DEFAULT_LOGIN_RATE_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 60 }
/** Public reads per client address: far above what a reader or a polling integration needs. */
export const DEFAULT_PUBLIC_RATE_LIMIT: RateLimitRule = { limit: 1200, windowSeconds: 60 }
/** Objections sent per client address: a whole office objecting behind one address fits, a flood does not. */
export const DEFAULT_OBJECTIONS_RATE_LIMIT: RateLimitRule = { limit: 20, windowSeconds: 600 }
/** Subscribe requests per client address: a person needs a few; more is someone filling other people's inboxes. */
export const DEFAULT_SUBSCRIBE_RATE_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 3600 }
/** Confirmation emails one address may be sent, whoever asks for them. */
export const DEFAULT_SUBSCRIBE_EMAIL_RATE_LIMIT: RateLimitRule = { limit: 3, windowSeconds: 3600 }

/**
 * Runtime files (SQLite database, generated secret) live under one folder. It is resolved from the
 * working directory, not from this module's URL, because Next bundles this module into `.next/`.
 */
const dataDirectory = (raw: string | undefined): string => path.resolve(given(raw) ?? 'data')

export const parsePort = (name: string, raw: string | undefined, fallback: number): number => {
  if (given(raw) === undefined) return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(`${name} "${raw}" is not a port number (0–65535)`)
  }
  return port
}

/** `KAIJI_PUBLIC_PORT=off` keeps the public routes on the main port only. */
export const parsePublicPort = (raw: string | undefined): number | null =>
  raw?.trim().toLowerCase() === 'off'
    ? null
    : parsePort('KAIJI_PUBLIC_PORT', raw, DEFAULT_PUBLIC_PORT)

/** Days of advance notice a material change needs (GDPR Art. 28(2), SCC clause 9); KAIJI_MATERIAL_NOTICE_DAYS. */
export const materialNoticeDays = (env: Environment): number => {
  const raw = env.KAIJI_MATERIAL_NOTICE_DAYS
  if (given(raw) === undefined) return DEFAULT_MATERIAL_NOTICE_DAYS
  const days = Number(raw)
  if (!Number.isFinite(days) || days < 0) {
    throw new StartupError(
      `KAIJI_MATERIAL_NOTICE_DAYS must be a number of days (0 or more), not ${JSON.stringify(raw)}.`,
    )
  }
  return days
}

const positiveNumber = (name: string, raw: string | undefined, fallback: number): number => {
  if (given(raw) === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0)
    throw new StartupError(`${name} must be a positive number, not ${JSON.stringify(raw)}.`)
  return value
}

const trueOrFalse = (name: string, raw: string | undefined, fallback: boolean): boolean => {
  const value = given(raw)?.trim().toLowerCase()
  if (value === undefined) return fallback
  if (value === 'true') return true
  if (value === 'false') return false
  throw new StartupError(`${name} "${raw}" must be "true" or "false".`)
}

/** The newer name wins; the older one is still read, so a configuration written for it keeps working. */
const olderNameToo = (
  env: Environment,
  name: string,
  olderName: string,
  fallback: number,
): number =>
  given(env[name]) !== undefined
    ? positiveNumber(name, env[name], fallback)
    : positiveNumber(olderName, env[olderName], fallback)

export const DEFAULT_MAIL_FROM = 'Kaiji <kaiji@localhost>'
export const DEFAULT_NOTICE_REMINDER_DAYS = 7

/** `KAIJI_SMTP_URL`: smtp://user:password@host:port (STARTTLS when offered) or smtps:// (TLS from the start). */
export const parseSmtpUrl = (raw: string | undefined): string | null => {
  const value = given(raw)?.trim()
  if (value === undefined) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new StartupError(
      'KAIJI_SMTP_URL is not a URL; write it as smtp://user:password@host:587 or smtps://user:password@host:465.',
    )
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new StartupError(
      `KAIJI_SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//.`,
    )
  if (!url.hostname) throw new StartupError('KAIJI_SMTP_URL names no host.')
  return value
}

/** `KAIJI_MAIL_FROM`: an address, optionally with a display name: `Legal <legal@example.com>`. */
export const parseMailFrom = (raw: string | undefined): string => {
  const value = given(raw)?.trim()
  if (value === undefined) return DEFAULT_MAIL_FROM
  const address = /<([^<>\s]+)>\s*$/.exec(value)?.[1] ?? value
  if (!/^[^@\s<>]+@[^@\s<>]+$/.test(address))
    throw new StartupError(
      `KAIJI_MAIL_FROM ${JSON.stringify(raw)} must be an email address, e.g. "Legal <legal@example.com>".`,
    )
  return value
}

/** `KAIJI_WEBHOOK_ALLOW_PRIVATE=true` lets webhooks reach private and loopback addresses (a receiver on the same host or network). */
export const allowPrivateWebhookTargets = (raw: string | undefined): boolean =>
  trueOrFalse('KAIJI_WEBHOOK_ALLOW_PRIVATE', raw, false)

/**
 * `KAIJI_ALLOWED_ORIGINS`: the origins (scheme://host[:port], comma-separated) from which a browser
 * may call the CMS API with an editor's session: the admin's public address behind a proxy, or a
 * separate front end. They make up the CSRF allow-list (a session cookie sent from any other origin
 * is ignored) and the CORS list. The server's own loopback addresses are added once it listens.
 */
export const parseAllowedOrigins = (raw: string | undefined): string[] => {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.map((entry) => {
    let url: URL | null = null
    try {
      url = new URL(entry)
    } catch {
      // named below
    }
    const origin = entry.replace(/\/$/, '')
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new StartupError(
        `KAIJI_ALLOWED_ORIGINS: "${entry}" is not an origin; write scheme://host[:port] without a path, e.g. https://cms.example.com`,
      )
    }
    return url.origin
  })
}

/** `KAIJI_TRUST_PROXY`: how many proxies in front append to X-Forwarded-For (0, the default, trusts none). */
export const trustedProxyHops = (raw: string | undefined): number => {
  if (given(raw) === undefined) return 0
  const hops = Number(raw)
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new StartupError(
      `KAIJI_TRUST_PROXY "${raw}" must be the number of proxies in front (0–10).`,
    )
  }
  return hops
}

/**
 * `KAIJI_RATE_LIMIT_LOGIN` / `KAIJI_RATE_LIMIT_PUBLIC`: "LIMIT/SECONDS" (e.g. "10/60"), or "off".
 * Unset means the default; anything else is refused by name.
 */
export const parseRateLimit = (
  name: string,
  raw: string | undefined,
  fallback: RateLimitRule,
): RateLimitRule | null => {
  const value = raw?.trim()
  if (value === undefined || value === '') return fallback
  if (value.toLowerCase() === 'off') return null
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value)
  const limit = Number(match?.[1])
  const windowSeconds = Number(match?.[2])
  if (
    !match ||
    limit < 1 ||
    windowSeconds < 1 ||
    !Number.isSafeInteger(limit) ||
    !Number.isSafeInteger(windowSeconds)
  ) {
    throw new StartupError(
      `${name} "${raw}" is not a rate limit: write REQUESTS/SECONDS (e.g. "10/60"), or "off".`,
    )
  }
  return { limit, windowSeconds }
}

/** The base of absolute links (the Atom feed): an http(s) URL, kept without trailing slashes. */
const parsePublicUrl = (raw: string | undefined): string | null => {
  const value = given(raw)?.trim()
  if (value === undefined) return null
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    // named below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new StartupError(
      `KAIJI_PUBLIC_URL "${raw}" must be an absolute http:// or https:// URL, e.g. https://partners.example.com`,
    )
  }
  return value.replace(/\/+$/, '')
}

/** Sent as a header on every public answer: what Node refuses in a header would fail every one of them. */
const parseCacheControl = (raw: string | undefined): string | null => {
  const value = given(raw)
  if (value === undefined) return null
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    throw new StartupError(
      `KAIJI_PUBLIC_CACHE_CONTROL ${JSON.stringify(raw)} must be a Cache-Control header value, without control characters or line breaks, e.g. "public, max-age=60"`,
    )
  }
  return value
}

/** `KAIJI_STATIC_EXPORT_DIR`: a path (resolved from the working directory) the server replaces with a link to each new export. */
export const parseStaticExportDir = (raw: string | undefined): string | null => {
  const value = given(raw)?.trim()
  if (value === undefined) return null
  if (/[\0\n\r]/.test(value))
    throw new StartupError(
      `KAIJI_STATIC_EXPORT_DIR ${JSON.stringify(raw)} must be a folder path, without line breaks or NUL characters.`,
    )
  const resolved = path.resolve(value)
  if (resolved === path.parse(resolved).root)
    throw new StartupError(
      `KAIJI_STATIC_EXPORT_DIR "${raw}" is the file system's root; name a path that does not exist yet, e.g. /srv/kaiji/site.`,
    )
  return resolved
}

export const DEFAULT_TIMEZONE = 'Asia/Tokyo'

/** An IANA time zone name the runtime knows (Intl throws a RangeError for any other). */
export const parseTimeZone = (raw: string | undefined): string => {
  const value = given(raw)?.trim() ?? DEFAULT_TIMEZONE
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  } catch {
    throw new StartupError(
      `KAIJI_TIMEZONE ${JSON.stringify(raw)} must be an IANA time zone name, e.g. "Asia/Tokyo" or "Europe/Paris".`,
    )
  }
}

const logFormatOf = (raw: string | undefined): 'json' | 'text' | null => {
  const value = given(raw)?.trim() ?? 'text'
  return value === 'json' || value === 'text' ? value : null
}

const parseLogFormat = (raw: string | undefined): 'json' | 'text' => {
  const format = logFormatOf(raw)
  if (!format) throw new StartupError(`KAIJI_LOG_FORMAT "${raw}" must be "json" or "text".`)
  return format
}

const parseLogLevel = (raw: string | undefined): LogLevel => {
  const value = given(raw)?.trim() ?? 'info'
  const level = LOG_LEVELS.find((known) => known === value)
  if (!level)
    throw new StartupError(`KAIJI_LOG_LEVEL "${raw}" must be one of ${LOG_LEVELS.join(', ')}.`)
  return level
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] }

/** Reads every variable (whatever the others say) and returns the settings, or every problem found. */
export const parseSettings = (env: Environment): SettingsResult => {
  const problems: string[] = []
  const read = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse()
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
      return fallback
    }
  }
  const dataDir = dataDirectory(env.KAIJI_DATA_DIR)
  const database = read<DatabaseTarget | null>(
    () => parseDatabaseUrl(env.DATABASE_URL, dataDir),
    null,
  )
  const secretProblem = payloadSecretProblem(env)
  if (secretProblem) problems.push(secretProblem)
  const settings = {
    database,
    dataDir,
    payloadSecret: env.PAYLOAD_SECRET || null,
    host: given(env.HOST) ?? DEFAULT_HOST,
    port: read(() => parsePort('PORT', env.PORT, DEFAULT_PORT), DEFAULT_PORT),
    publicPort: read(() => parsePublicPort(env.KAIJI_PUBLIC_PORT), null),
    publicUrl: read(() => parsePublicUrl(env.KAIJI_PUBLIC_URL), null),
    publicCacheControl: read(() => parseCacheControl(env.KAIJI_PUBLIC_CACHE_CONTROL), null),
    staticExportDir: read(() => parseStaticExportDir(env.KAIJI_STATIC_EXPORT_DIR), null),
    materialNoticeDays: read(() => materialNoticeDays(env), DEFAULT_MATERIAL_NOTICE_DAYS),
    timeZone: read(() => parseTimeZone(env.KAIJI_TIMEZONE), DEFAULT_TIMEZONE),
    webhooks: {
      allowPrivate: read(() => allowPrivateWebhookTargets(env.KAIJI_WEBHOOK_ALLOW_PRIVATE), false),
    },
    outbox: {
      retryBaseMs: read(
        () => olderNameToo(env, 'KAIJI_OUTBOX_RETRY_BASE_MS', 'KAIJI_WEBHOOK_RETRY_BASE_MS', 5_000),
        5_000,
      ),
      maxAttempts: read(
        () => olderNameToo(env, 'KAIJI_OUTBOX_MAX_ATTEMPTS', 'KAIJI_WEBHOOK_MAX_ATTEMPTS', 6),
        6,
      ),
      pollMs: read(
        () => positiveNumber('KAIJI_OUTBOX_POLL_MS', env.KAIJI_OUTBOX_POLL_MS, 1_000),
        1_000,
      ),
      timeoutMs: read(
        () => olderNameToo(env, 'KAIJI_OUTBOX_TIMEOUT_MS', 'KAIJI_WEBHOOK_TIMEOUT_MS', 10_000),
        10_000,
      ),
    },
    mail: {
      smtpUrl: read(() => parseSmtpUrl(env.KAIJI_SMTP_URL), null),
      from: read(() => parseMailFrom(env.KAIJI_MAIL_FROM), DEFAULT_MAIL_FROM),
      outboxDir: path.join(dataDir, 'outbox'),
    },
    noticeReminderDays: read(
      () =>
        positiveNumber(
          'KAIJI_NOTICE_REMINDER_DAYS',
          env.KAIJI_NOTICE_REMINDER_DAYS,
          DEFAULT_NOTICE_REMINDER_DAYS,
        ),
      DEFAULT_NOTICE_REMINDER_DAYS,
    ),
    allowedOrigins: read(() => parseAllowedOrigins(env.KAIJI_ALLOWED_ORIGINS), []),
    cookieSecure: read(
      () => trueOrFalse('KAIJI_COOKIE_SECURE', env.KAIJI_COOKIE_SECURE, true),
      true,
    ),
    trustProxy: read(() => trustedProxyHops(env.KAIJI_TRUST_PROXY), 0),
    rateLimits: {
      login: read(
        () =>
          parseRateLimit('KAIJI_RATE_LIMIT_LOGIN', env.KAIJI_RATE_LIMIT_LOGIN, {
            ...DEFAULT_LOGIN_RATE_LIMIT,
          }),
        null,
      ),
      public: read(
        () =>
          parseRateLimit('KAIJI_RATE_LIMIT_PUBLIC', env.KAIJI_RATE_LIMIT_PUBLIC, {
            ...DEFAULT_PUBLIC_RATE_LIMIT,
          }),
        null,
      ),
      objections: read(
        () =>
          parseRateLimit('KAIJI_RATE_LIMIT_OBJECTIONS', env.KAIJI_RATE_LIMIT_OBJECTIONS, {
            ...DEFAULT_OBJECTIONS_RATE_LIMIT,
          }),
        null,
      ),
      subscribe: read(
        () =>
          parseRateLimit('KAIJI_RATE_LIMIT_SUBSCRIBE', env.KAIJI_RATE_LIMIT_SUBSCRIBE, {
            ...DEFAULT_SUBSCRIBE_RATE_LIMIT,
          }),
        null,
      ),
      subscribeEmail: read(
        () =>
          parseRateLimit('KAIJI_RATE_LIMIT_SUBSCRIBE_EMAIL', env.KAIJI_RATE_LIMIT_SUBSCRIBE_EMAIL, {
            ...DEFAULT_SUBSCRIBE_EMAIL_RATE_LIMIT,
          }),
        null,
      ),
    },
    log: {
      format: read(() => parseLogFormat(env.KAIJI_LOG_FORMAT), 'text' as const),
      level: read(() => parseLogLevel(env.KAIJI_LOG_LEVEL), 'info' as const),
    },
  }
  if (problems.length > 0 || !database) return { ok: false, problems }
  return { ok: true, settings: deepFreeze({ ...settings, database }) }
}

/** One message for every problem, each naming its variable. */
export const describeProblems = (problems: string[]): string =>
  problems.length === 1
    ? (problems[0] ?? '')
    : `The environment has ${problems.length} problems:\n${problems.map((problem) => `- ${problem}`).join('\n')}`

const fromProcess = (): Settings => {
  const result = parseSettings(process.env)
  if (!result.ok) throw new StartupError(describeProblems(result.problems))
  return result.settings
}

/** One slot per process: Next bundles each route with its own copy of this module. */
const slot = () => processWide<{ settings?: Settings; secret?: string }>('settings', () => ({}))

/**
 * Reads the settings from the environment (again, if they were read before) and keeps them for the
 * process. Start-up calls it first; a bad value throws a StartupError naming every problem.
 */
export const initSettings = (): Settings => {
  const settings = fromProcess()
  Object.assign(slot(), { settings, secret: undefined })
  return settings
}

/** The process's settings, read at start-up (or now, by a process that has no start-up of its own: a build). */
export const settings = (): Settings => slot().settings ?? initSettings()

/**
 * PAYLOAD_SECRET, or the one generated and kept under the data folder (see resolvePayloadSecret).
 * Start-up settles it before NODE_ENV is switched to production; it is put in the environment so the
 * processes this one starts (the public site) use the same one.
 */
export const resolvedPayloadSecret = (): string => {
  const current = slot()
  if (current.secret === undefined) {
    current.secret = resolvePayloadSecret(process.env, settings().dataDir)
    process.env.PAYLOAD_SECRET = current.secret
  }
  return current.secret
}

/**
 * Whether this process runs as production now. Not a start-up setting: `npm start` switches NODE_ENV
 * after reading the settings (see enterMode), and Payload builds the config after that.
 */
export const productionMode = (): boolean => process.env.NODE_ENV === 'production'

/** The mode Next, React and Payload run in: production, or development under `npm run dev`. */
export const enterMode = (mode: 'production' | 'development'): void => {
  Object.assign(process.env, { NODE_ENV: mode, NEXT_TELEMETRY_DISABLED: '1' })
}

/** Production cookies carry Secure unless KAIJI_COOKIE_SECURE=false (plain HTTP on a non-loopback host). */
export const secureCookies = (
  production: boolean,
  { cookieSecure }: Pick<Settings, 'cookieSecure'>,
): boolean => production && cookieSecure

/**
 * Whether log lines are JSON. Known before the settings are (a start-up refusal is logged in the
 * configured format too); a KAIJI_LOG_FORMAT that is not understood means readable lines.
 */
export const jsonLogs = (): boolean => logFormatOf(process.env.KAIJI_LOG_FORMAT) === 'json'

/** The environment for a process this one starts: `defaults` where unset, then this one's, then `overrides`. */
export const childEnvironment = (
  overrides: Record<string, string> = {},
  defaults: Record<string, string> = {},
): NodeJS.ProcessEnv => ({ ...defaults, ...process.env, ...overrides })
