import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { createApp } from '@/server/createApp'
import { databaseIsReachable } from '@/server/health'

const logged: Array<Record<string, unknown>> = []

/** Only the one Local API call readiness makes, and a logger that records; the real server is covered by the int tests. */
const record = (entry: Record<string, unknown>) => logged.push(entry)
const payloadWhoseCount = (count: () => Promise<unknown>) =>
  ({ count, logger: { info: record, warn: record, error: record } }) as unknown as Payload

const serve = async (payload: Payload): Promise<{ url: string; server: Server }> => {
  const app = createApp({
    payload,
    dev: false,
    handleNext: async (_req, res) => {
      res.status(404).send('next')
    },
  })
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe('readiness', () => {
  it('is ready when the database answers', async () => {
    await expect(
      databaseIsReachable(payloadWhoseCount(async () => ({ totalDocs: 1 }))),
    ).resolves.toBe(true)
  })

  it('is not ready when the query fails or hangs past 2 s', async () => {
    await expect(
      databaseIsReachable(
        payloadWhoseCount(async () => Promise.reject(new Error('SQLITE_CANTOPEN'))),
      ),
    ).resolves.toBe(false)
    await expect(
      databaseIsReachable(payloadWhoseCount(() => new Promise(() => undefined))),
    ).resolves.toBe(false)
  }, 10_000)

  it('/readyz answers 503 while the database is unreachable, and /healthz still 200', async () => {
    const { url, server } = await serve(
      payloadWhoseCount(async () => Promise.reject(new Error('connection refused'))),
    )
    try {
      const ready = await fetch(`${url}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' })
      expect(ready.headers.get('cache-control')).toBe('no-store')
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
      expect((await fetch(`${url}/anything-else`)).status).toBe(404)
      expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
      expect(logged).toContainEqual(
        expect.objectContaining({
          requestId: ready.headers.get('x-request-id'),
          method: 'GET',
          path: '/readyz',
          status: 503,
        }),
      )
    } finally {
      server.close()
    }
  })
})
