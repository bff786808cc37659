import { settings } from '../config/settings'
import { processWide } from '../utilities/processWide'

/**
 * The CSRF allow-list, one array per process: Next bundles each route with its own copy of the
 * config, and the server adds its own addresses once it listens, so every copy must see that array.
 */
export const csrfOrigins = (): string[] =>
  processWide('csrfOrigins', () => [...settings().allowedOrigins])

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

/** The origins a browser uses to reach this server directly on `host:port`. */
export const serverOrigins = (host: string, port: number): string[] => {
  const names =
    LOOPBACK_NAMES.includes(host) || host === '0.0.0.0' || host === '::' ? LOOPBACK_NAMES : [host]
  return names.map((name) => `http://${name}:${port}`)
}
