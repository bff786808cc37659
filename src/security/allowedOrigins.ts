import { StartupError } from '../config/startupError'
import { processWide } from '../utilities/processWide'

/**
 * `KAIJI_ALLOWED_ORIGINS`: the origins (scheme://host[:port], comma-separated) from which a browser
 * may call the CMS API with an editor's session: the admin's public address behind a proxy, or a
 * separate front end. They make up the CSRF allow-list (a session cookie sent from any other origin
 * is ignored) and the CORS list. The server's own loopback addresses are added once it listens.
 */
export const parseAllowedOrigins = (
  raw: string | undefined = process.env.KAIJI_ALLOWED_ORIGINS,
): string[] => {
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

/**
 * The CSRF allow-list, one array per process: Next bundles each route with its own copy of the
 * config, and the server adds its own addresses once it listens, so every copy must see that array.
 */
export const csrfOrigins = (): string[] => processWide('csrfOrigins', () => parseAllowedOrigins())

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

/** The origins a browser uses to reach this server directly on `host:port`. */
export const serverOrigins = (host: string, port: number): string[] => {
  const names =
    LOOPBACK_NAMES.includes(host) || host === '0.0.0.0' || host === '::' ? LOOPBACK_NAMES : [host]
  return names.map((name) => `http://${name}:${port}`)
}

/** Production cookies carry Secure unless KAIJI_COOKIE_SECURE=false (plain HTTP on a non-loopback host). */
export const secureCookies = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.NODE_ENV === 'production' && env.KAIJI_COOKIE_SECURE?.trim().toLowerCase() !== 'false'
