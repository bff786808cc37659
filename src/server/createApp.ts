import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { liveness, readiness } from './health'
import { requestIdOf } from './requestId'
import { securityHeaders } from './securityHeaders'

type NextRequestHandler = (req: Request, res: Response) => Promise<void>

export const createApp = ({
  payload,
  handleNext,
  dev,
}: {
  payload: Payload
  handleNext: NextRequestHandler
  dev: boolean
}): Express => {
  const app = express()
  app.disable('x-powered-by')
  // No global body parser: Payload reads request bodies itself.
  app.use(securityHeaders({ dev }))
  // Every answer names its request; every admin, API and health request leaves one log line with it.
  app.use((req, res, next) => {
    const requestId = requestIdOf(req)
    const started = process.hrtime.bigint()
    res.setHeader('X-Request-Id', requestId)
    if (!req.path.startsWith('/_next/')) {
      res.once('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        payload.logger.info({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request')
      })
    }
    next()
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
