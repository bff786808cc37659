import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { settings } from '../config/settings'
import { CLIENT_ADDRESS_HEADER, clientAddressOfRequest } from '../security/clientAddress'
import { liveness, readiness } from './health'
import { whenBodyFits } from './requestBody'
import { requestIdOf } from '../http/requestId'
import { securityHeaders } from './securityHeaders'
import { serverActionRefusal } from './serverActions'

type NextRequestHandler = (req: Request, res: Response) => Promise<void>

/** The first path segments under /api that Payload answers; anything else would get its bare 501. */
const apiRoots = (config: Payload['config']): Set<string> =>
  new Set([
    'access',
    'globals',
    'graphql',
    'graphql-playground',
    ...config.collections
      .filter((collection) => collection.endpoints !== false)
      .map((collection) => collection.slug),
    ...(config.endpoints ?? []).map((endpoint) => endpoint.path.split('/')[1] ?? ''),
  ])

export const createApp = ({
  payload,
  handleNext,
  dev,
}: {
  payload: Payload
  handleNext: NextRequestHandler
  dev: boolean
}): Express => {
  const proxyHops = settings().trustProxy
  const app = express()
  app.disable('x-powered-by')
  // No global body parser: Payload reads request bodies itself.
  app.use(securityHeaders({ dev }))
  // Every answer names its request; every admin, API and health request leaves one log line with it.
  app.use((req, res, next) => {
    const requestId = requestIdOf(req)
    const started = process.hrtime.bigint()
    res.setHeader('X-Request-Id', requestId)
    // Replaces whatever the client sent: Payload's hooks (sign-in limits) trust only this.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOfRequest(req, proxyHops)
    if (!req.path.startsWith('/_next/')) {
      res.once('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        const line = {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        }
        // A refusal is an ordinary answer; a 5xx is a fault someone should look at.
        if (res.statusCode >= 500) payload.logger.error(line, 'request')
        else payload.logger.info(line, 'request')
      })
    }
    next()
  })

  // Payload and Next read bodies themselves, so no handler runs before the whole body (at most 2 MB,
  // counted as it arrives, chunked or not) is in; a larger one gets 413 and is not read on.
  app.use((req, res, next) => {
    void whenBodyFits(req, res).then((fits) => fits && next(), next)
  })

  app.use((req, res, next) => {
    if (req.method !== 'POST' || req.headers['next-action'] === undefined) return next()
    void serverActionRefusal(payload, req.headers).then(
      (refusal) => (refusal ? res.status(401).json({ errors: [{ message: refusal }] }) : next()),
      next,
    )
  })

  let knownApiRoots: Set<string> | undefined
  app.use('/api', (req, res, next) => {
    knownApiRoots ??= apiRoots(payload.config)
    if (knownApiRoots.has(req.path.split('/')[1] ?? '')) return next()
    res.status(404).json({ errors: [{ message: `There is no API at /api${req.path}.` }] })
  })

  app.get('/healthz', (_req, res) => {
    const { status, body } = liveness()
    res.status(status).set('Cache-Control', 'no-store').json(body)
  })

  app.get('/readyz', async (_req, res) => {
    const { status, body } = await readiness(payload)
    res.status(status).set('Cache-Control', 'no-store').json(body)
  })

  app.all('/{*path}', (req, res) => handleNext(req, res))
  return app
}
