import { categoryIdByKey } from '../helpers/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { TEST_PASSWORD, TEST_USERS } from '../helpers/testUsers.mjs'

const ALLOWED_ORIGIN = 'https://editor.kaiji.test'
const HOSTILE_ORIGIN = 'https://evil.example'

const own = useIsolatedServer('security-sessions', { KAIJI_ALLOWED_ORIGINS: ALLOWED_ORIGIN })

type Docs<T> = { docs: T[]; totalDocs: number }
type UserDoc = Record<string, unknown> & { id: number; email: string }

/** Secrets Payload keeps on an account; none may ever leave the server. */
const ACCOUNT_SECRETS = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil']

const NON_ADMINS: TestUserName[] = ['translatorEn', 'editor', 'reviewer']

const signIn = (email: string, password: string) => own.api.request<{ token?: string; errors?: Array<{ message: string }> }>('/api/users/login', { method: 'POST', json: { email, password } })

describe('accounts: what a user listing shows', () => {
  it.each(NON_ADMINS)('%s sees only their own account, over REST and GraphQL, however they ask', async (name) => {
    const token = await own.api.login(name)
    const own_ = TEST_USERS[name].email
    for (const path of ['/api/users', '/api/users?depth=3&limit=100', '/api/users?where[role][equals]=admin', '/api/users?where[email][like]=kaiji.test', '/api/users?sort=email&locale=all']) {
      const { status, body, text } = await own.api.request<Docs<UserDoc>>(path, { token })
      expect(status).toBe(200)
      expect(body.docs.every((doc) => doc.email === own_)).toBe(true)
      expect(body.totalDocs).toBeLessThanOrEqual(1)
      expect(text).not.toMatch(/admin@kaiji\.test|editor2@kaiji\.test/)
    }
    const { body } = await own.api.graphql<{ Users: { docs: Array<{ email: string }> } }>('{ Users(limit: 100) { docs { email } } }', token)
    expect(body.data?.Users.docs.map((doc) => doc.email)).toEqual([own_])
    expect((await own.api.request('/api/users/count', { token })).body).toEqual({ totalDocs: 1 })
  })

  it('the admin sees every account, but never a hash, salt, reset token or lock counter, even when selecting them', async () => {
    const token = await own.api.login('admin')
    const select = ACCOUNT_SECRETS.map((field) => `select[${field}]=true`).join('&')
    for (const path of ['/api/users?limit=100', `/api/users?limit=100&${select}`, '/api/users?limit=100&depth=5&showHiddenFields=true']) {
      const { status, body } = await own.api.request<Docs<UserDoc>>(path, { token })
      expect(status).toBe(200)
      expect(body.docs.length).toBeGreaterThanOrEqual(6)
      for (const doc of body.docs) for (const secret of ACCOUNT_SECRETS) expect(doc).not.toHaveProperty(secret)
    }
    const { body } = await own.api.graphql<{ Users: { docs: UserDoc[] } }>('{ Users(limit: 100) { docs { email } } }', token)
    expect(body.data?.Users.docs.length).toBeGreaterThanOrEqual(6)
    // The schema names the fields; their values never leave the server.
    const hashQuery = await own.api.graphql<{ Users: { docs: Array<Record<string, unknown>> } }>('{ Users(limit: 100) { docs { hash salt } } }', token)
    expect(hashQuery.body.data?.Users.docs.length).toBeGreaterThanOrEqual(6)
    for (const doc of hashQuery.body.data?.Users.docs ?? []) expect(doc).toEqual({ hash: null, salt: null })
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
    for (const path of ['/api/audit-events?where[locale][equals]=en', '/api/audit-events?select[reason]=true', '/api/webhook-endpoints?select[secret]=true', '/api/webhook-deliveries?where[status][equals]=failed']) {
      expect((await own.api.request(path, { token })).status).toBe(403)
    }
  })

  it('public routes answer the same bytes whatever Payload parameters are added (no drafts, no other locales)', async () => {
    for (const path of ['/content/v1/partners/ja', '/partners/ja', '/content/v1/partners/ja/releases', '/partners/ja/history']) {
      const plain = await own.api.request(path)
      expect(plain.status).toBe(200)
      const tricked = await own.api.request(`${path}?draft=true&locale=all&fallback-locale=ja&depth=10&where[status][equals]=draft&select[approvedContent]=true&populate[users]=true`)
      expect(tricked.status).toBe(200)
      expect(tricked.text).toBe(plain.text)
    }
  })

  it('GraphQL with draft and a fallback locale gives anonymous callers nothing', async () => {
    const { body } = await own.api.graphql<{ PartnerCategories: unknown }>('{ PartnerCategories(draft: true, locale: en, fallbackLocale: ja) { docs { id name } } }')
    expect(body.data?.PartnerCategories ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/not allowed/)
  })
})

describe('sign-in', () => {
  it('locks an account after 5 failed sign-ins, refuses even the right password, and only an admin unlocks it', async () => {
    const adminToken = await own.api.login('admin')
    const email = 'lockout@kaiji.test'
    expect((await own.api.request('/api/users', { method: 'POST', token: adminToken, json: { email, password: TEST_PASSWORD, role: 'legal-editor' } })).status).toBe(201)
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await signIn(email, `wrong-password-${attempt}`)
      expect(wrong.status).toBe(401)
      expect(wrong.body.errors?.[0]?.message).toMatch(/incorrect/i)
    }
    const right = await signIn(email, TEST_PASSWORD)
    expect(right.status).toBe(401)
    expect(right.body.errors?.[0]?.message).toMatch(/locked/i)
    expect(right.body.token).toBeUndefined()

    const byEditor = await own.api.request('/api/users/unlock', { method: 'POST', token: await own.api.login('editor'), json: { email } })
    expect(byEditor.status).toBe(403)
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(401)
    expect((await own.api.request('/api/users/unlock', { method: 'POST', token: adminToken, json: { email } })).status).toBe(200)
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(200)
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

  it('does not tell whether an address has an account', async () => {
    const unknown = await signIn('nobody-here@kaiji.test', 'Wrong-Passw0rd-long')
    const known = await signIn(TEST_USERS.reviewer.email, 'Wrong-Passw0rd-long')
    expect(unknown.status).toBe(known.status)
    expect(unknown.body.errors?.[0]?.message).toBe(known.body.errors?.[0]?.message)
    // one failure is far from the reviewer's lockout; clear it anyway
    await own.api.request('/api/users/unlock', { method: 'POST', token: await own.api.login('admin'), json: { email: TEST_USERS.reviewer.email } })
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

  const withCookie = (headers: Record<string, string>) => ({ headers: { Cookie: cookie, ...headers } })
  const me = async (headers: Record<string, string>) => (await own.api.request<{ user: { email: string } | null }>('/api/users/me', withCookie(headers))).body.user?.email ?? null

  it('a request from the server itself or an allowed origin is signed in, over REST and GraphQL', async () => {
    expect(await me({ Origin: own.api.baseURL })).toBe(TEST_USERS.editor.email)
    for (const origin of [own.api.baseURL, ALLOWED_ORIGIN]) {
      const viaGraphql = await own.api.request<{ data?: { meUser: { user: { email: string } | null } } }>('/api/graphql', {
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
    const forgeries: Array<Record<string, string>> = [{ Origin: HOSTILE_ORIGIN }, { 'Sec-Fetch-Site': 'cross-site' }]
    for (const headers of forgeries) {
      const write = await own.api.request(categoryPath, { method: 'PATCH', ...withCookie(headers), json: { name: 'forged' } })
      expect(write.status).toBe(403)
      const mutation = await own.api.request<{ errors?: unknown[] }>('/api/graphql', {
        method: 'POST',
        ...withCookie(headers),
        json: { query: `mutation { updatePartnerCategory(id: ${categoryPath.split('/')[3]?.split('?')[0]}, locale: en, data: { name: "forged" }) { id } }` },
      })
      expect(mutation.body.errors?.length).toBeGreaterThan(0)
    }
    expect((await own.api.request(categoryPath, { token })).text).toBe(before)
    const allowed = await own.api.request(categoryPath, { method: 'PATCH', ...withCookie({ Origin: ALLOWED_ORIGIN }), json: { name: 'Maps (allowed origin)' } })
    expect(allowed.status).toBe(200)
  })
})

describe('CORS: the CMS API answers cross-origin reads only for allowed origins', () => {
  it.each(['/api/users/me', '/api/partner-categories', '/api/graphql'])('preflight and request for %s', async (path) => {
    const hostile = await own.api.request(path, { method: 'OPTIONS', headers: { Origin: HOSTILE_ORIGIN, 'Access-Control-Request-Method': 'POST' } })
    expect(hostile.headers.get('access-control-allow-origin')).toBeNull()
    expect(hostile.headers.get('access-control-allow-credentials')).toBeNull()
    const allowed = await own.api.request(path, { method: 'OPTIONS', headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'POST' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    const read = await own.api.request(path, { headers: { Origin: HOSTILE_ORIGIN } })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('the public content API is open to any origin, without credentials', async () => {
    const response = await own.api.request('/content/v1/partners/ja', { headers: { Origin: HOSTILE_ORIGIN } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })
})
