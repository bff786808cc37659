import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { liveness, readiness } from './health'
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
