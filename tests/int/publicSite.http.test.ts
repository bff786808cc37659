import fs from 'node:fs'
import net from 'node:net'

import { approveChange, publicGet, releaseAction } from '@support/contentChanges'
import { expectEncodedRepresentations } from '../helpers/encodings'
import type { ApiClient } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { childrenOf } from '@support/processes'
import { makeDataDir, runStart, startServer } from '@support/server.mjs'

type Delivered = { release: { number: number } }

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let site: ApiClient

beforeAll(async () => {
  server = await startIsolatedServer('public-site', { KAIJI_PUBLIC_PORT: '0' })
  if (!server.publicSite) throw new Error('the public site did not start')
  site = server.publicSite
}, 180_000)
afterAll(async () => server?.stop())

const servedNumber = async (api: ApiClient) =>
  ((await publicGet(api, '/content/v1/partners/ja')).body as Delivered).release.number

const waitFor = async <T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs = 30_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => null)
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the delivery-only public site (a second process started by npm start)', () => {
  it('listens on its own port and serves the same public responses as the main server, byte for byte', async () => {
    expect(new URL(site.baseURL).port).not.toBe(new URL(server.client.baseURL).port)
    for (const path of [
      '/content/v1/partners/ja',
      '/partners/ja',
      '/partners/ja/history',
      '/partners/ja/feed.atom',
      '/partners/ja.csv',
      '/content/v1/partners/xx',
    ]) {
      const [fromSite, fromMain] = await Promise.all([
        publicGet(site, path),
        publicGet(server.client, path),
      ])
      expect({ path, status: fromSite.status, text: fromSite.text }).toEqual({
        path,
        status: fromMain.status,
        text: fromMain.text,
      })
      expect(fromSite.headers.get('etag')).toBe(fromMain.headers.get('etag'))
      expect(fromSite.headers.get('content-type')).toBe(fromMain.headers.get('content-type'))
    }
    // With no KAIJI_PUBLIC_URL, absolute links name the public site, from either process.
    expect((await publicGet(server.client, '/partners/ja/feed.atom')).text).toContain(
      `href="${site.baseURL}/partners/ja/releases/1"`,
    )
    const current = await publicGet(site, '/content/v1/partners/ja')
    const etag = current.headers.get('etag') ?? ''
    expect(
      (await publicGet(site, '/content/v1/partners/ja', { 'If-None-Match': etag })).status,
    ).toBe(304)
  })

  it('answers in brotli, gzip or plain bytes as the request accepts, each with its own ETag', async () => {
    for (const path of ['/content/v1/partners/ja', '/partners/ja', '/partners/ja/feed.atom'])
      await expectEncodedRepresentations(site.baseURL, path)
  })

  it('serves nothing but the public routes and health: no admin, REST or GraphQL, and no writes', async () => {
    expect(await (await fetch(`${site.baseURL}/healthz`)).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(`${site.baseURL}/readyz`)).json()).toEqual({
      status: 'ready',
      database: 'reachable',
    })
    for (const path of ['/admin', '/api/users', '/api/partner-categories', '/api/releases']) {
      const response = await site.request(path)
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
      expect(response.text).not.toContain('@')
    }
    const login = await site.request('/api/users/login', {
      method: 'POST',
      json: { email: 'admin@example.org', password: 'x' },
    })
    expect(login.status).toBe(405)
    const graphql = await site.request('/api/graphql', {
      method: 'POST',
      json: { query: '{ Users { docs { email } } }' },
    })
    expect(graphql.status).toBe(405)
    expect((await site.request('/content/v1/partners/ja', { method: 'DELETE' })).status).toBe(405)
  })

  it('serves a publish made through the main server within a second', async () => {
    expect(await servedNumber(site)).toBe(1)
    await approveChange(server.client, {
      subject: 'maps',
      locale: 'ja',
      data: { name: '地図(第2版)' },
    })
    const published = await releaseAction(server.client, 'publish', {
      locale: 'ja',
      summary: 'Maps renamed',
      changeType: 'editorial',
    })
    expect(published.status).toBe(201)
    const since = Date.now()
    await waitFor(
      'release 2 on the public site',
      async () => ((await servedNumber(site)) === 2 ? true : null),
      5_000,
    )
    expect(Date.now() - since).toBeLessThanOrEqual(1_000)
    expect((await publicGet(site, '/partners/ja')).text).toContain('地図(第2版)')
  })

  it('is restarted on the same port when it dies', async () => {
    const [child, ...others] = childrenOf(server.pid)
    expect(others).toEqual([])
    if (!child) throw new Error('no public-site process found')
    process.kill(child, 'SIGKILL')
    await waitFor('the restarted public site', async () => {
      const [restarted] = childrenOf(server.pid)
      if (!restarted || restarted === child) return null
      return (await publicGet(site, '/content/v1/partners/ja')).status === 200 ? restarted : null
    })
    expect(await servedNumber(site)).toBe(2)
    expect(server.logs()).toMatch(/The public site stopped \(signal SIGKILL\); restarting in 1 s/)
  }, 60_000)
})

describe('the public site refuses a bad port, clearly', () => {
  it('KAIJI_PUBLIC_PORT that is not a port', async () => {
    const { code, stderr } = await runStart({
      KAIJI_DATA_DIR: makeDataDir('public-port'),
      PORT: '0',
      KAIJI_PUBLIC_PORT: 'public',
    })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/KAIJI_PUBLIC_PORT "public" is not a port number/)
  })

  it('a KAIJI_PUBLIC_PORT already in use stops the start, naming the setting', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
    const port = (blocker.address() as net.AddressInfo).port
    const dataDir = makeDataDir('public-port-busy')
    try {
      const failed = await startServer({ dataDir, env: { KAIJI_PUBLIC_PORT: String(port) } }).then(
        async (started) => {
          await started.stop()
          return null
        },
        (error: Error) => error.message,
      )
      expect(failed).toMatch(/EADDRINUSE/)
      expect(failed).toMatch(
        new RegExp(`KAIJI_PUBLIC_PORT=${port} is where it listens; set another port, or "off"`),
      )
    } finally {
      blocker.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})
