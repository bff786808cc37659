import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { securityHeaders } from './securityHeaders'

type NextRequestHandler = (req: Request, res: Response) => Promise<void>

const READINESS_TIMEOUT_MS = 2_000

/** True when the database answers a trivial query in time; uses only the Local API, so any adapter works. */
export const databaseIsReachable = async (payload: Payload): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS)
  })
  try {
    const probe = payload.count({ collection: 'users', overrideAccess: true }).then(() => true)
    return await Promise.race([probe, timeout])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

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
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })

  app.get('/readyz', async (_req, res) => {
    const ready = await databaseIsReachable(payload)
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(ready ? { status: 'ready', database: 'reachable' } : { status: 'unavailable', database: 'unreachable' })
  })

  app.all('/{*path}', (req, res) => handleNext(req, res))
  return app
}
