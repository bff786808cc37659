import { createServer, type Server, type ServerResponse } from 'node:http'

import { setPublicBaseUrl } from '../config/publicAddress'
import { enterMode, resolvedPayloadSecret, settings } from '../config/settings'
import type { DatabaseTarget } from '../database/databaseUrl'
import { describeDatabase, openPayload } from '../database/openPayload'
import { createDeliveryService } from '../delivery/deliveryService'
import { createSubscriptionService } from '../subscriptions/subscriptionService'
import { withPublicRateLimit } from '../security/publicRateLimit'
import { createObjectionRoutes } from '../subscriptions/objections/objectionRoutes'
import { type HealthAnswer, liveness, readiness } from './health'
import { startupLog } from './logger'
import type { PublicSiteMessage } from './publicSiteProcess'
import { BoundedIncomingMessage, ignoreBody } from './requestBody'
import { shutdownOnSignals } from './shutdown'
import { keepIdleConnectionsOpen } from './keepAlive'

const answerHealth = (res: ServerResponse, { status, body }: HealthAnswer) => {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

/**
 * The delivery-only process: the public routes, /healthz and /readyz, nothing else. It never loads
 * Next, Express or the admin, so the hot path pays for none of them (Next's request-scoped
 * AsyncLocalStorage alone slows every request of a process that has served the admin). It reads
 * releases through the same Local API, so any database adapter works. Its only writes are a
 * subscriber's: subscribing, confirming, unsubscribing and objecting (src/subscriptions); the emails
 * they queue are sent by the main process's outbox worker.
 */
export const startPublicSite = async ({
  database,
  port,
  host,
}: {
  database: DatabaseTarget
  port: number
  host: string
}): Promise<Server> => {
  enterMode('production')
  startupLog(`Public site on ${describeDatabase(database)}`)
  const payload = await openPayload(database, { migrate: false })

  let publicUrl = settings().publicUrl ?? ''
  const delivery = createDeliveryService(payload, () => publicUrl)
  delivery.start()

  const objections = createObjectionRoutes(payload, {
    secret: resolvedPayloadSecret(),
    rateLimit: settings().rateLimits.objections,
    trustProxy: settings().trustProxy,
  })
  const subscriptions = createSubscriptionService(payload)
  const servePublic = withPublicRateLimit((req, res) => {
    if (objections.serve(req, res)) return
    // GET and HEAD only: a body is never read, and a connection that sends one is not kept to drain it.
    ignoreBody(req, res)
    delivery.handle(req, res)
  })
  const server = createServer({ IncomingMessage: BoundedIncomingMessage }, (req, res) => {
    // Subscribing, confirming and unsubscribing read a small form, with rate limits of their own.
    if (subscriptions.handle(req, res)) return
    const path = req.url ?? '/'
    if (path === '/healthz' || path === '/readyz') ignoreBody(req, res)
    if (path === '/healthz') return answerHealth(res, liveness())
    if (path === '/readyz')
      return void readiness(payload).then((answer) => answerHealth(res, answer))
    // Everything else, public route or not, gets the delivery layer's answer (404 JSON for unknown paths).
    servePublic(req, res)
  })
  keepIdleConnectionsOpen(server)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`
  publicUrl ||= url
  setPublicBaseUrl(publicUrl)
  startupLog(`Delivery-only public site listening on ${url}`)

  const shutdown = shutdownOnSignals({ server, payload, steps: [() => delivery.stop()] })
  process.on('message', (message: PublicSiteMessage) => {
    if (message.type === 'release-published') delivery.invalidate()
    if (message.type === 'site-settings-changed') delivery.siteSettingsChanged(message.updatedAt)
  })
  // Started by the main process: go when it goes, whatever the way it ended.
  process.once('disconnect', () => shutdown('main process gone'))
  process.send?.({ type: 'ready', url } satisfies PublicSiteMessage)
  return server
}
