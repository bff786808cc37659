import path from 'node:path'

import { createClient } from '@libsql/client'

import { CURRENT_HASH_PREFIX, verifyPassword } from '@/auth/passwordHash'
import { categoryIdByKey } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { TEST_PASSWORD, TEST_USERS } from '@support/testUsers.mjs'

const ALLOWED_ORIGIN = 'https://editor.kaiji.test'
const HOSTILE_ORIGIN = 'https://evil.example'

const own = useIsolatedServer('security-sessions', { KAIJI_ALLOWED_ORIGINS: ALLOWED_ORIGIN })

type Docs<T> = { docs: T[]; totalDocs: number }
type UserDoc = Record<string, unknown> & { id: number; email: string }

/** Secrets Payload keeps on an account; none may ever leave the server. */
const ACCOUNT_SECRETS = [
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
]

const NON_ADMINS: TestUserName[] = ['translatorEn', 'editor', 'reviewer']

const signIn = (email: string, password: string) =>
  own.api.request<{ token?: string; errors?: Array<{ message: string }> }>('/api/users/login', {
    method: 'POST',
    json: { email, password },
  })

describe('accounts: what a user listing shows', () => {
  it.each(NON_ADMINS)(
    '%s sees only their own account, over REST and GraphQL, however they ask',
    async (name) => {
      const token = await own.api.login(name)
      const own_ = TEST_USERS[name].email
      for (const path of [
        '/api/users',
        '/api/users?depth=3&limit=100',
        '/api/users?where[role][equals]=admin',
        '/api/users?where[email][like]=kaiji.test',
        '/api/users?sort=email&locale=all',
      ]) {
        const { status, body, text } = await own.api.request<Docs<UserDoc>>(path, { token })
        expect(status).toBe(200)
        expect(body.docs.every((doc) => doc.email === own_)).toBe(true)
        expect(body.totalDocs).toBeLessThanOrEqual(1)
        expect(text).not.toMatch(/admin@kaiji\.test|editor2@kaiji\.test/)
      }
      const { body } = await own.api.graphql<{ Users: { docs: Array<{ email: string }> } }>(
        '{ Users(limit: 100) { docs { email } } }',
        token,
      )
      expect(body.data?.Users.docs.map((doc) => doc.email)).toEqual([own_])
      expect((await own.api.request('/api/users/count', { token })).body).toEqual({ totalDocs: 1 })
    },
  )

  it('the admin sees every account, but never a hash, salt, reset token or lock counter, even when selecting them', async () => {
    const token = await own.api.login('admin')
    const select = ACCOUNT_SECRETS.map((field) => `select[${field}]=true`).join('&')
    for (const path of [
      '/api/users?limit=100',
      `/api/users?limit=100&${select}`,
      '/api/users?limit=100&depth=5&showHiddenFields=true',
    ]) {
      const { status, body } = await own.api.request<Docs<UserDoc>>(path, { token })
      expect(status).toBe(200)
      expect(body.docs.length).toBeGreaterThanOrEqual(6)
      for (const doc of body.docs)
        for (const secret of ACCOUNT_SECRETS) expect(doc).not.toHaveProperty(secret)
    }
    const { body } = await own.api.graphql<{ Users: { docs: UserDoc[] } }>(
      '{ Users(limit: 100) { docs { email } } }',
      token,
    )
    expect(body.data?.Users.docs.length).toBeGreaterThanOrEqual(6)
    // The schema names the fields; their values never leave the server.
    const hashQuery = await own.api.graphql<{ Users: { docs: Array<Record<string, unknown>> } }>(
      '{ Users(limit: 100) { docs { hash salt } } }',
      token,
    )
    expect(hashQuery.body.data?.Users.docs.length).toBeGreaterThanOrEqual(6)
    for (const doc of hashQuery.body.data?.Users.docs ?? [])
      expect(doc).toEqual({ hash: null, salt: null })
  })

  it("no content read reaches another user's account through depth or populate", async () => {
    const token = await own.api.login('translatorEn')
    const othersEmails = new RegExp(
      Object.values(TEST_USERS)
        .map((user) => user.email)
        .filter((email) => email !== TEST_USERS.translatorEn.email)
        .map((email) => email.replace(/[.]/g, '\\.'))
        .join('|'),
    )
    for (const path of [
      '/api/partner-categories?depth=10&locale=all',
      '/api/partner-categories?populate[users][email]=true&depth=3',
      '/api/payload-locked-documents?depth=5',
      '/api/payload-preferences?depth=5',
      '/api/workflow-states?depth=5&limit=200',
      '/api/releases?depth=5',
      '/api/globals/partners-page?depth=10&locale=all',
    ]) {
      const { status, text } = await own.api.request(path, { token })
      expect(status).toBe(200)
      expect(text).not.toMatch(othersEmails)
      expect(text).not.toMatch(/"(hash|salt|resetPasswordToken)"/)
    }
  })
})

describe('parameter tricks give the public nothing', () => {
  it.each([
    '/api/partner-categories?draft=true',
    '/api/partner-categories?locale=all&fallback-locale=ja',
    '/api/partner-categories?depth=10',
    '/api/partner-categories?where[key][equals]=maps',
    '/api/partner-categories/versions?depth=2',
    '/api/partner-categories/versions?where[version.name][like]=a',
    '/api/globals/partners-page?draft=true&locale=all',
    '/api/globals/partners-page/versions',
    '/api/workflow-states?where[state][equals]=approved',
    '/api/workflow-states?select[approvedContent]=true',
    '/api/audit-events?where[action][equals]=approve',
    '/api/releases?where[locale][equals]=ja&depth=3',
    '/api/users?where[role][equals]=admin',
    '/api/webhook-endpoints?select[secret]=true',
  ])('anonymous GET %s is refused', async (path) => {
    const { status, text } = await own.api.request(path)
    expect([401, 403]).toContain(status)
    expect(text).not.toMatch(/"docs"|"name"|@kaiji\.test/)
  })

  it('a translator cannot read the audit trail or webhooks by filtering or selecting', async () => {
    const token = await own.api.login('translatorEn')
    for (const path of [
      '/api/audit-events?where[locale][equals]=en',
      '/api/audit-events?select[reason]=true',
      '/api/webhook-endpoints?select[secret]=true',
      '/api/outbox-messages?where[status][equals]=failed',
    ]) {
      expect((await own.api.request(path, { token })).status).toBe(403)
    }
  })

  it('public routes answer the same bytes whatever Payload parameters are added (no drafts, no other locales)', async () => {
    for (const path of [
      '/content/v1/partners/ja',
      '/partners/ja',
      '/content/v1/partners/ja/releases',
      '/partners/ja/history',
    ]) {
      const plain = await own.api.request(path)
      expect(plain.status).toBe(200)
      const tricked = await own.api.request(
        `${path}?draft=true&locale=all&fallback-locale=ja&depth=10&where[status][equals]=draft&select[approvedContent]=true&populate[users]=true`,
      )
      expect(tricked.status).toBe(200)
      expect(tricked.text).toBe(plain.text)
    }
  })

  it('GraphQL with draft and a fallback locale gives anonymous callers nothing', async () => {
    const { body } = await own.api.graphql<{ PartnerCategories: unknown }>(
      '{ PartnerCategories(draft: true, locale: en, fallbackLocale: ja) { docs { id name } } }',
    )
    expect(body.data?.PartnerCategories ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/not allowed/)
  })
})

describe('sign-in', () => {
  type SignInAnswer = { status: number; message: string | undefined; token: string | undefined }
  const signInFrom = async (
    address: string,
    email: string,
    password: string,
  ): Promise<SignInAnswer> => {
    const { status, body } = await own.api
      .from(address)
      .request<{ token?: string; errors?: Array<{ message: string }> }>('/api/users/login', {
        method: 'POST',
        json: { email, password },
      })
    return { status, message: body.errors?.[0]?.message, token: body.token }
  }
  const graphqlSignInFrom = async (address: string, email: string, password: string) => {
    const { body } = await own.api.from(address).request<{
      data?: { loginUser: { token: string } | null }
      errors?: Array<{ message: string }>
    }>('/api/graphql', {
      method: 'POST',
      json: {
        query:
          'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
        variables: { email, password },
      },
    })
    return { token: body.data?.loginUser?.token, message: body.errors?.[0]?.message }
  }
  const INCORRECT = 'The email or password provided is incorrect.'
  const LOCKED =
    /^Too many failed sign-ins for this email from this address: 5 in a row\. Try again in (\d+) s, or ask an administrator to unlock the account\.$/

  it("an attacker guessing the administrator's password from one address is locked out there; the owner still signs in from anywhere else, over REST and GraphQL", async () => {
    const adminToken = await own.api.login('admin')
    const admin = TEST_USERS.admin.email
    const attacker = '127.0.0.2'
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await signInFrom(attacker, admin, `Wrong-Passw0rd-${attempt}`)).toEqual({
        status: 401,
        message: INCORRECT,
        token: undefined,
      })
    }
    // Locked for the attacker's address, even with the right password, by every route.
    const locked = await signInFrom(attacker, admin, TEST_PASSWORD)
    expect(locked).toMatchObject({ status: 429, token: undefined })
    expect(Number(LOCKED.exec(locked.message ?? '')?.[1])).toBeGreaterThan(590)
    const lockedGraphql = await graphqlSignInFrom(attacker, admin, TEST_PASSWORD)
    expect(lockedGraphql.token).toBeUndefined()
    expect(lockedGraphql.message).toMatch(LOCKED)

    // The owner, while the attack goes on, from this machine and from another address:
    for (const owner of ['127.0.0.1', '127.0.0.3']) {
      const signedIn = await signInFrom(owner, admin, TEST_PASSWORD)
      expect(signedIn.status).toBe(200)
      expect(
        (
          await own.api.request<{ user: { email: string } }>('/api/users/me', {
            token: signedIn.token,
          })
        ).body.user.email,
      ).toBe(admin)
      expect((await graphqlSignInFrom(owner, admin, TEST_PASSWORD)).token).toEqual(
        expect.any(String),
      )
    }
    // The attacker's address is refused for this account only.
    expect((await signInFrom(attacker, TEST_USERS.editor.email, TEST_PASSWORD)).status).toBe(200)
    // More failures from the attacker do not spill over to the owner.
    expect((await signInFrom(attacker, admin, 'Wrong-Passw0rd-6')).status).toBe(429)
    expect((await signInFrom('127.0.0.1', admin, TEST_PASSWORD)).status).toBe(200)

    // Only an administrator unlocks; then the locked address may try again.
    const byEditor = await own.api.request('/api/users/unlock', {
      method: 'POST',
      token: await own.api.login('editor'),
      json: { email: admin },
    })
    expect(byEditor.status).toBe(403)
    expect((await signInFrom(attacker, admin, TEST_PASSWORD)).status).toBe(429)
    expect(
      (
        await own.api.request('/api/users/unlock', {
          method: 'POST',
          token: adminToken,
          json: { email: admin },
        })
      ).status,
    ).toBe(200)
    expect((await signInFrom(attacker, admin, TEST_PASSWORD)).status).toBe(200)
  })

  it('an unknown email and a wrong password answer alike, also after repeated failures and once locked, over REST and GraphQL', async () => {
    const from = '127.0.0.4'
    const known: SignInAnswer[] = []
    const unknown: SignInAnswer[] = []
    for (let attempt = 1; attempt <= 7; attempt++) {
      known.push(await signInFrom(from, TEST_USERS.reviewer.email, 'Wrong-Passw0rd-long'))
      unknown.push(await signInFrom(from, 'nobody-here@kaiji.test', 'Wrong-Passw0rd-long'))
    }
    const shape = (answer: SignInAnswer) => ({
      status: answer.status,
      message: answer.message?.replace(/\d+ s\b/, 'N s'),
      token: answer.token,
    })
    expect(unknown.map(shape)).toEqual(known.map(shape))
    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429, 429])
    expect(known[6]?.message).toMatch(LOCKED)
    // Over GraphQL, from a fresh address and once locked there:
    expect(
      (await graphqlSignInFrom('127.0.0.5', 'nobody-here@kaiji.test', 'Wrong-Passw0rd-long'))
        .message,
    ).toBe(INCORRECT)
    expect(
      (await graphqlSignInFrom('127.0.0.5', TEST_USERS.reviewer.email, 'Wrong-Passw0rd-long'))
        .message,
    ).toBe(INCORRECT)
    expect(
      (await graphqlSignInFrom(from, 'nobody-here@kaiji.test', 'Wrong-Passw0rd-long')).message,
    ).toMatch(LOCKED)
    expect(
      (await graphqlSignInFrom(from, TEST_USERS.reviewer.email, 'Wrong-Passw0rd-long')).message,
    ).toMatch(LOCKED)
  })

  it('an unknown email costs the same work as a wrong password: both are hashed (medians of interleaved samples)', async () => {
    const SAMPLES = 12
    const knownMs: number[] = []
    const unknownMs: number[] = []
    const timed = async (address: string, email: string) => {
      const started = performance.now()
      const { status } = await signInFrom(address, email, 'Wrong-Passw0rd-long')
      expect(status).toBe(401)
      return performance.now() - started
    }
    // Each pair from its own address, so no lockout shortens either path; the order alternates.
    for (let sample = 0; sample < SAMPLES; sample++) {
      const address = `127.0.1.${sample + 1}`
      const pair = [
        async () => knownMs.push(await timed(address, TEST_USERS.translatorEn.email)),
        async () => unknownMs.push(await timed(address, `nobody-${sample}@kaiji.test`)),
      ]
      for (const run of sample % 2 === 0 ? pair : pair.reverse()) await run()
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
    // Without the dummy hash an unknown email answers in a few ms against the hash's hundreds: a ratio of 10 or more.
    // A loose bound keeps a noisy shared machine from failing it.
    const ratio = median(knownMs) / median(unknownMs)
    const figures = `known ${median(knownMs).toFixed(0)} ms, unknown ${median(unknownMs).toFixed(0)} ms, ratio ${ratio.toFixed(2)}`
    expect(ratio > 0.5 && ratio < 2 ? 'within 0.5–2' : figures).toBe('within 0.5–2')
  })

  it('the dummy hash has the parameters of the hashes Payload stores, so both paths do the same work', async () => {
    const db = createClient({ url: `file:${path.join(own.dataDir, 'kaiji.db')}` })
    try {
      const { rows } = await db.execute({
        sql: 'SELECT hash, salt FROM users WHERE email = ?',
        args: [TEST_USERS.editor.email],
      })
      const stored = { hash: rows[0]?.hash, salt: rows[0]?.salt }
      expect(String(stored.hash).startsWith(CURRENT_HASH_PREFIX)).toBe(true)
      expect(await verifyPassword(TEST_PASSWORD, stored)).toBe(true)
      expect(await verifyPassword(`${TEST_PASSWORD}x`, stored)).toBe(false)
    } finally {
      db.close()
    }
  })

  it('sets the session cookie HttpOnly, SameSite=Lax and Secure (production)', async () => {
    const response = await signIn(TEST_USERS.editor.email, TEST_PASSWORD)
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*Path=\//)
  })
})

describe('CSRF: the session cookie works only from allowed origins', () => {
  let cookie = ''
  let categoryPath = ''
  beforeAll(async () => {
    const response = await signIn(TEST_USERS.editor.email, TEST_PASSWORD)
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    categoryPath = `/api/partner-categories/${await categoryIdByKey(own.api, 'maps')}?locale=en`
  })

  const withCookie = (headers: Record<string, string>) => ({
    headers: { Cookie: cookie, ...headers },
  })
  const me = async (headers: Record<string, string>) =>
    (
      await own.api.request<{ user: { email: string } | null }>(
        '/api/users/me',
        withCookie(headers),
      )
    ).body.user?.email ?? null

  it('a request from the server itself or an allowed origin is signed in, over REST and GraphQL', async () => {
    expect(await me({ Origin: own.api.baseURL })).toBe(TEST_USERS.editor.email)
    for (const origin of [own.api.baseURL, ALLOWED_ORIGIN]) {
      const viaGraphql = await own.api.request<{
        data?: { meUser: { user: { email: string } | null } }
      }>('/api/graphql', {
        method: 'POST',
        ...withCookie({ Origin: origin }),
        json: { query: '{ meUser { user { email } } }' },
      })
      expect(viaGraphql.body.data?.meUser.user?.email).toBe(TEST_USERS.editor.email)
    }
    expect(await me({ Origin: ALLOWED_ORIGIN })).toBe(TEST_USERS.editor.email)
    expect(await me({ 'Sec-Fetch-Site': 'same-origin' })).toBe(TEST_USERS.editor.email)
  })

  it('a request from another origin, or a cross-site one without Origin, is anonymous', async () => {
    expect(await me({ Origin: HOSTILE_ORIGIN })).toBeNull()
    expect(await me({ 'Sec-Fetch-Site': 'cross-site' })).toBeNull()
    expect(await me({})).toBeNull()
  })

  it('a cross-origin write with the cookie is refused and changes nothing', async () => {
    const token = await own.api.login('admin')
    const before = (await own.api.request(categoryPath, { token })).text
    const forgeries: Array<Record<string, string>> = [
      { Origin: HOSTILE_ORIGIN },
      { 'Sec-Fetch-Site': 'cross-site' },
    ]
    for (const headers of forgeries) {
      const write = await own.api.request(categoryPath, {
        method: 'PATCH',
        ...withCookie(headers),
        json: { name: 'forged' },
      })
      expect(write.status).toBe(403)
      const mutation = await own.api.request<{ errors?: unknown[] }>('/api/graphql', {
        method: 'POST',
        ...withCookie(headers),
        json: {
          query: `mutation { updatePartnerCategory(id: ${categoryPath.split('/')[3]?.split('?')[0]}, locale: en, data: { name: "forged" }) { id } }`,
        },
      })
      expect(mutation.body.errors?.length).toBeGreaterThan(0)
    }
    expect((await own.api.request(categoryPath, { token })).text).toBe(before)
    const allowed = await own.api.request(categoryPath, {
      method: 'PATCH',
      ...withCookie({ Origin: ALLOWED_ORIGIN }),
      json: { name: 'Maps (allowed origin)' },
    })
    expect(allowed.status).toBe(200)
  })
})

describe('CORS: the CMS API answers cross-origin reads only for allowed origins', () => {
  it.each(['/api/users/me', '/api/partner-categories', '/api/graphql'])(
    'preflight and request for %s',
    async (path) => {
      const hostile = await own.api.request(path, {
        method: 'OPTIONS',
        headers: { Origin: HOSTILE_ORIGIN, 'Access-Control-Request-Method': 'POST' },
      })
      expect(hostile.headers.get('access-control-allow-origin')).toBeNull()
      expect(hostile.headers.get('access-control-allow-credentials')).toBeNull()
      const allowed = await own.api.request(path, {
        method: 'OPTIONS',
        headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'POST' },
      })
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
      const read = await own.api.request(path, { headers: { Origin: HOSTILE_ORIGIN } })
      expect(read.headers.get('access-control-allow-origin')).toBeNull()
    },
  )

  it('the public content API is open to any origin, without credentials', async () => {
    const response = await own.api.request('/content/v1/partners/ja', {
      headers: { Origin: HOSTILE_ORIGIN },
    })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })
})
