import type { Server } from 'node:http'

/** Longer than a client or proxy keeps an idle connection (load balancers commonly 60 s). */
const IDLE_CONNECTION_MS = 65_000

/**
 * Node closes an idle keep-alive connection after 5 s. A client that reuses one just as the server
 * closes it (a proxy, or a client whose event loop was busy) sees "other side closed" instead of an
 * answer, so the server keeps idle connections longer than its clients do.
 */
export const keepIdleConnectionsOpen = (server: Server): void => {
  server.keepAliveTimeout = IDLE_CONNECTION_MS
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000
}
