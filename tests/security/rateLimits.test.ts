import { type ApiClient } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { TEST_PASSWORD, TEST_USERS } from '@support/testUsers.mjs'

const LOGIN_LIMIT = 6
const PUBLIC_LIMIT = 25

let server: Awaited<ReturnType<typeof startIsolatedServer>>
beforeAll(async () => {
  server = await startIsolatedServer('security-rate-limits', {
    KAIJI_RATE_LIMIT_LOGIN: `${LOGIN_LIMIT}/60`,
    KAIJI_RATE_LIMIT_PUBLIC: `${PUBLIC_LIMIT}/60`,
    KAIJI_PUBLIC_PORT: '0',
  })
}, 180_000)
afterAll(async () => server?.stop())

type Problem = { errors?: Array<{ message: string }> }

describe('sign-in attempts per address', () => {
  it('refuses with 429 naming the limit once the address used it up, for any account, over REST and GraphQL', async () => {
    const api = server.client
    const attempt = (email: string, password: string, headers: Record<string, string> = {}) =>
      api.request<Problem & { token?: string }>('/api/users/login', {
        method: 'POST',
        json: { email, password },
        headers,
      })
    // The setup signed the admin in once; spray wrong passwords over different accounts until refused.
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_LIMIT + 2 && statuses.at(-1) !== 429; i++) {
      statuses.push((await attempt(`sprayed-${i}@kaiji.test`, 'Wrong-Passw0rd-long')).status)
    }
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true)
    expect(statuses.length).toBeLessThanOrEqual(LOGIN_LIMIT)

    const right = await attempt(TEST_USERS.editor.email, TEST_PASSWORD)
    expect(right.status).toBe(429)
    expect(right.body.token).toBeUndefined()
    expect(right.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `Too many sign-in attempts from this address: at most ${LOGIN_LIMIT} per 60 s. Try again in \\d+ s.`,
      ),
    )
    // Without a trusted proxy, X-Forwarded-For is the client's own claim and changes nothing.
    expect(
      (await attempt(TEST_USERS.editor.email, TEST_PASSWORD, { 'X-Forwarded-For': '203.0.113.77' }))
        .status,
    ).toBe(429)
    // The server's internal address header cannot be forged either.
    expect(
      (
        await attempt(TEST_USERS.editor.email, TEST_PASSWORD, {
          'X-Kaiji-Client-Address': '203.0.113.78',
        })
      ).status,
    ).toBe(429)

    const graphql = await api.graphql<{ loginUser: unknown }>(
      `mutation { loginUser(email: "${TEST_USERS.editor.email}", password: "${TEST_PASSWORD}") { token } }`,
    )
    expect(graphql.body.data?.loginUser ?? null).toBeNull()
    expect(graphql.body.errors?.[0]?.message).toMatch(/Too many sign-in attempts/)

    const reset = await api.request<Problem>('/api/users/forgot-password', {
      method: 'POST',
      json: { email: TEST_USERS.editor.email },
    })
    expect(reset.status).toBe(429)

    // Signed-in work goes on: the limit is on signing in, not on using a session.
    expect(
      (await api.request('/api/partner-categories?limit=1', { token: await api.login('admin') }))
        .status,
    ).toBe(200)

    // The limit is this address's: the owner signing in from another one is not held back by it.
    const elsewhere = await api.from('127.0.0.2').request<{ token?: string }>('/api/users/login', {
      method: 'POST',
      json: { email: TEST_USERS.admin.email, password: TEST_PASSWORD },
    })
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.body.token).toEqual(expect.any(String))
  })
})

describe('public reads per address', () => {
  const readUntilRefused = async (client: ApiClient) => {
    const statuses: number[] = []
    for (let i = 0; i < PUBLIC_LIMIT + 5; i++)
      statuses.push((await client.request('/content/v1/partners/ja')).status)
    return statuses
  }

  it.each(['main port', 'delivery-only public site'] as const)(
    `on the %s: ${PUBLIC_LIMIT} reads a minute, then 429 with Retry-After; health and the admin API unaffected`,
    async (where) => {
      const client = where === 'main port' ? server.client : server.publicSite
      if (!client) throw new Error('the public site did not start')
      const statuses = await readUntilRefused(client)
      expect(statuses.slice(0, PUBLIC_LIMIT).every((status) => status === 200)).toBe(true)
      expect(statuses.slice(PUBLIC_LIMIT).every((status) => status === 429)).toBe(true)

      const refused = await client.request<Problem>('/partners/ja', {
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(refused.headers.get('cache-control')).toBe('no-store')
      expect(refused.body.errors?.[0]?.message).toMatch(
        new RegExp(`Too many requests from this address: at most ${PUBLIC_LIMIT} per 60 s`),
      )

      expect((await client.request('/healthz')).status).toBe(200)
      expect(
        (
          await server.client.request('/api/releases?limit=1', {
            token: await server.client.login('admin'),
          })
        ).status,
      ).toBe(200)
    },
  )
})
