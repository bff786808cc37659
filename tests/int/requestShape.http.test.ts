import { categoryIdByKey } from '@support/contentChanges'
import { changedTables, databaseSnapshotter } from '../helpers/databaseSnapshot'
import type { ApiClient, TestUserName } from '../helpers/http'
import { startIsolatedServer } from '@support/testServer'
import { childrenOf, peakResidentMb } from '@support/processes'
import { sendRaw } from '../helpers/rawRequest'
import { TEST_PASSWORD } from '@support/testUsers.mjs'

/**
 * Request size and shape (issue 14.6): bodies are bounded as they arrive, JSON nesting before it is
 * parsed, and requests Payload cannot serve (malformed multipart, versions routes that do not exist,
 * queries it cannot run, whether sent as a GET or a POST with a method override, over REST or
 * GraphQL, server actions without a session) answer 4xx naming the problem and write nothing.
 */

type Problem = {
  errors?: Array<{ message: string; extensions?: { statusCode?: number } }>
  data?: Record<string, unknown> | null
}

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let api: ApiClient
let db: ReturnType<typeof databaseSnapshotter>
let categoryId = 0

beforeAll(async () => {
  server = await startIsolatedServer('request-shape', { KAIJI_PUBLIC_PORT: '0' })
  api = server.client
  db = databaseSnapshotter(server.dataDir)
  categoryId = await categoryIdByKey(api, 'maps')
}, 180_000)
afterAll(async () => {
  db?.close()
  await server?.stop()
})

const tokenOf = async (who: TestUserName | null) => (who ? api.login(who) : undefined)
const messages = (body: unknown) =>
  ((body as Problem).errors ?? []).map((error) => error.message).join('\n')

/** Sends one request and checks it is refused with `status`, a message matching `message`, and not a byte written. */
const expectRefused = async (
  request: {
    method?: string
    path: string
    who?: TestUserName | null
    body?: string
    headers?: Record<string, string>
  },
  status: number,
  message: RegExp,
) => {
  const { method = 'GET', path, who = 'admin', body, headers = {} } = request
  // Signing in writes (a session): before the snapshot.
  const token = await tokenOf(who)
  const before = await db.snapshot()
  const response = await api.request<Problem>(path, { method, token, body, headers })
  expect({ status: response.status, message: messages(response.body) || response.text }).toEqual({
    status,
    message: expect.stringMatching(message),
  })
  expect(changedTables(before, await db.snapshot())).toEqual([])
}

describe('bodies are bounded as they arrive, chunked or not', () => {
  it('an anonymous 256 MB chunked sign-in gets 413, is not read whole, and the main process stays small', async () => {
    const { beforeMb, peakMb, result } = await peakResidentMb(server.pid, () =>
      sendRaw(api.baseURL, {
        path: '/api/users/login',
        headers: { 'Content-Type': 'application/json' },
        prefix: '{"email":"admin@kaiji.test","password":"',
        suffix: '"}',
        size: 256 * 1024 * 1024,
      }),
    )
    // A client still writing when the server hangs up may see the reset rather than the 413.
    if (result.error === undefined)
      expect({ status: result.status, text: result.text }).toEqual({
        status: 413,
        text: JSON.stringify({ errors: [{ message: 'The request body is larger than 2 MB.' }] }),
      })
    expect(result.sentBytes).toBeLessThan(100 * 1024 * 1024)
    // Reading it whole took the process from about 180 MB to 1.7 GB.
    expect(peakMb - beforeMb).toBeLessThan(150)
    expect((await api.request('/healthz')).status).toBe(200)
  }, 60_000)

  it('a 3 MB chunked save gets 413 and changes nothing', async () => {
    const token = await api.login('editor')
    const before = await db.snapshot()
    const answer = await sendRaw(api.baseURL, {
      method: 'PATCH',
      path: `/api/partner-categories/${categoryId}?locale=en`,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
    })
    expect(answer).toMatchObject({ status: 413, connection: 'close' })
    expect(changedTables(before, await db.snapshot())).toEqual([])
  })

  it('chunked bodies within the limit work as before: a sign-in, a save', async () => {
    const login = await sendRaw(api.baseURL, {
      path: '/api/users/login',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@kaiji.test', password: TEST_PASSWORD }),
    })
    expect(login.status).toBe(200)
    const token = (JSON.parse(login.text ?? '{}') as { token?: string }).token
    const save = await sendRaw(api.baseURL, {
      method: 'PATCH',
      path: `/api/partner-categories/${categoryId}?locale=fr`,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ name: 'Cartes (envoyé en morceaux)' }),
    })
    expect(save.status).toBe(200)
    expect(
      (
        await api.request<{ name: string }>(`/api/partner-categories/${categoryId}?locale=fr`, {
          token: await api.login('admin'),
        })
      ).body.name,
    ).toBe('Cartes (envoyé en morceaux)')
  })

  it('the public site answers a GET that carries a 256 MB chunked body, then hangs up instead of reading it', async () => {
    const [publicPid] = childrenOf(server.pid)
    if (!publicPid || !server.publicSite) throw new Error('no public site')
    const { beforeMb, peakMb, result } = await peakResidentMb(publicPid, () =>
      sendRaw(server.publicSite?.baseURL ?? '', {
        method: 'GET',
        path: '/content/v1/partners/ja',
        size: 256 * 1024 * 1024,
      }),
    )
    expect(result).toMatchObject({ status: 200, connection: 'close' })
    expect(result.sentBytes).toBeLessThan(64 * 1024 * 1024)
    expect(peakMb - beforeMb).toBeLessThan(50)
  }, 60_000)
})

describe('JSON nesting is bounded before any custom endpoint parses or quotes it', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
  it.each<[string, TestUserName, () => string, string]>([
    [
      'the workflow, a deeply nested locale',
      'editor',
      () => `/api/partner-categories/${categoryId}/workflow`,
      `{"action":"submit","locale":${deep(500_000)}}`,
    ],
    [
      "the page's workflow",
      'editor',
      () => '/api/globals/partners-page/workflow',
      `{"action":"submit","locale":${deep(200)}}`,
    ],
    [
      'publish',
      'reviewer',
      () => '/api/releases/publish',
      `{"locale":"ja","summary":${deep(500_000)}}`,
    ],
    [
      'rollback',
      'reviewer',
      () => '/api/releases/rollback',
      `{"locale":"ja","toRelease":${deep(500_000)}}`,
    ],
  ])('%s', async (_label, who, path, body) => {
    for (const contentType of ['application/json', 'text/plain']) {
      await expectRefused(
        { method: 'POST', path: path(), who, body, headers: { 'Content-Type': contentType } },
        400,
        /The body is nested deeper than 128 levels/,
      )
    }
  })

  it('also for JSON fields of Payload collections (preferences)', async () => {
    await expectRefused(
      {
        method: 'POST',
        path: '/api/payload-preferences/nav',
        who: 'editor',
        body: `{"value":${deep(5_000)}}`,
        headers: { 'Content-Type': 'application/json' },
      },
      400,
      /nested deeper than 128 levels/,
    )
  })
})

describe('malformed multipart bodies', () => {
  const multipart = (payload: string) =>
    `--XX\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${payload}\r\n--XX--\r\n`
  it.each([
    ['broken JSON', '{"name":', /The multipart field _payload is not valid JSON/],
    ['a list', '[1]', /_payload must be a JSON object, not a list/],
    [
      'nested too deep',
      `{"name":${'['.repeat(500)}${']'.repeat(500)}}`,
      /_payload is nested deeper than 128 levels/,
    ],
  ])('a _payload that is %s: 400 for every caller', async (_label, payload, message) => {
    for (const who of [null, 'translatorEn', 'editor', 'admin'] as const) {
      for (const [method, path] of [
        ['PATCH', `/api/partner-categories/${categoryId}?locale=ja`],
        ['POST', '/api/globals/partners-page?locale=ja'],
        ['POST', '/api/users'],
      ] as const) {
        await expectRefused(
          {
            method,
            path,
            who,
            body: multipart(payload),
            headers: { 'Content-Type': 'multipart/form-data; boundary=XX' },
          },
          400,
          message,
        )
      }
    }
  })
})

describe('versions routes that do not exist, and paths by a non-id', () => {
  const READ_ONLY = [
    'workflow-states',
    'audit-events',
    'releases',
    'outbox-messages',
    'outbox-attempts',
    'webhook-endpoints',
    'users',
    'payload-preferences',
    'payload-locked-documents',
  ]
  it.each(READ_ONLY)('%s: POST, GET versions answer 404 for every caller', async (slug) => {
    for (const who of [null, 'translatorEn', 'editor', 'reviewer', 'admin'] as const) {
      await expectRefused(
        { method: 'POST', path: `/api/${slug}/versions/1`, who },
        404,
        new RegExp(`${slug} keeps no version history`),
      )
      await expectRefused(
        { method: 'GET', path: `/api/${slug}/versions?where[parent][equals]=1`, who },
        404,
        /keeps no version history/,
      )
    }
  })

  it.each([
    [
      'GET distinct',
      'GET',
      '/api/partner-categories/distinct?field=key',
      404,
      /There is no distinct-values endpoint \(GET \/api\/partner-categories\/distinct\)/,
    ],
    [
      'GET a category by a non-id',
      'GET',
      '/api/partner-categories/abc',
      404,
      /No partner-categories document has the id "abc"/,
    ],
    [
      'the workflow of a non-id',
      'POST',
      '/api/partner-categories/abc/workflow',
      404,
      /No partner-categories document has the id "abc"/,
    ],
    [
      'restore a version by a non-id',
      'POST',
      '/api/partner-categories/versions/abc',
      404,
      /No partner-categories version has the id "abc"/,
    ],
    [
      "the page's version by a non-id",
      'GET',
      '/api/globals/partners-page/versions/abc',
      404,
      /No partners-page version has the id "abc"/,
    ],
    [
      'versions by a non-id parent',
      'GET',
      '/api/partner-categories/versions?where[parent][equals]=abc',
      400,
      /where\[parent\]\[equals\]: "abc" is not a document id/,
    ],
    [
      "the page's versions by a non-id parent",
      'GET',
      '/api/globals/partners-page/versions?where[parent][equals]=abc',
      400,
      /where\[parent\]\[equals\]: "abc" is not a document id/,
    ],
  ] as const)('%s', async (_label, method, path, status, message) => {
    await expectRefused({ method, path }, status, message)
  })
})

describe('where operators given values they cannot take', () => {
  /** field, operator, value (as query-string suffix), and the message. */
  const CASES: Array<[string, string, string, RegExp]> = [
    ['key', 'near', '=1,2', /near works on point \(geographic\) fields only, and key is not one/],
    ['order', 'within', '[type]=Polygon', /within works on point/],
    ['createdAt', 'intersects', '[0]=1', /intersects works on point/],
    ['key', 'exists', '=maybe', /exists takes true or false/],
    ['key', 'like', '[0]=a&where[key][like][1]=b', /like takes one piece of text, not a list/],
    ['key', 'contains', '[0]=a', /contains takes one piece of text, not a list/],
    ['key', 'not_like', '[a]=b', /not_like takes one piece of text, not an object/],
    ['key', 'in', '[a]=b', /in takes a list of values/],
    ['key', 'not_in', '[a][b]=c', /not_in takes a list of values/],
    ['key', 'all', '[0]=maps', /the all operator is not supported here/],
    ['key', 'equals', '[0]=maps', /equals takes one value, not a list/],
    ['order', 'greater_than', '[a]=1', /greater_than takes one value, not an object/],
    ['id', 'in', '=', /in needs at least one value/],
    ['createdAt', 'like', '=2026', /like matches text, and createdAt is a date/],
    ['retired', 'equals', '=perhaps', /"perhaps" is not true or false/],
    ['key', 'resembles', '=maps', /unknown operator "resembles"/],
    ['name', 'equals', '=x', /name differs by language; name the locale/],
  ]
  it.each(CASES)(
    'where[%s][%s]%s: 400 as a GET, and as a POST with a GET method override',
    async (field, operator, value, message) => {
      const query = `where[${field}][${operator}]${value}`
      await expectRefused({ path: `/api/partner-categories?${query}` }, 400, message)
      await expectRefused(
        { path: `/api/partner-categories/count?${query}`, who: 'translatorEn' },
        400,
        message,
      )
      // Payload answers these POSTs as GETs whose query is the body: the guards check them the same.
      await expectRefused(
        {
          method: 'POST',
          path: '/api/partner-categories',
          body: query,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-HTTP-Method-Override': 'GET',
          },
        },
        400,
        message,
      )
      await expectRefused(
        {
          method: 'POST',
          path: '/api/partner-categories',
          body: query,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Payload-HTTP-Method-Override': 'GET',
          },
        },
        400,
        message,
      )
      // A bulk delete by the same filter is refused before anything is deleted.
      await expectRefused(
        { method: 'DELETE', path: `/api/partner-categories?${query}` },
        400,
        message,
      )
    },
  )

  it('a JSON override body, its locale carrying more parameters, is checked as what Payload makes of it', async () => {
    const override = { 'Content-Type': 'application/json', 'X-HTTP-Method-Override': 'GET' }
    await expectRefused(
      {
        method: 'POST',
        path: '/api/partner-categories',
        body: JSON.stringify({ locale: 'ja&where[createdAt][near]=1,2' }),
        headers: override,
      },
      400,
      /where\[createdAt\]\[near\]: near works on point/,
    )
    await expectRefused(
      { method: 'POST', path: '/api/partner-categories', body: '{"where":', headers: override },
      400,
      /is not valid JSON/,
    )
  })

  it('where as JSON text, and sort by a localized field without a locale', async () => {
    await expectRefused(
      { path: `/api/partner-categories?where=${encodeURIComponent('{"id":')}` },
      400,
      /where is not valid JSON/,
    )
    await expectRefused(
      { path: `/api/partner-categories?where=${encodeURIComponent('{"key":{"near":"1,2"}}')}` },
      400,
      /near works on point/,
    )
    await expectRefused(
      { path: '/api/partner-categories?sort=-name' },
      400,
      /sort: name differs by language/,
    )
    await expectRefused(
      { path: '/api/partner-categories?page=1e308' },
      400,
      /page must be a whole number/,
    )
  })

  it('good queries still answer, as a GET and through the override', async () => {
    const token = await api.login('editor')
    for (const query of [
      'where[key][in]=maps,support',
      'where[name][like]=地図&locale=ja',
      'where[or][0][key][equals]=maps&where[or][1][order][greater_than]=7',
      'sort=-name&locale=ja',
      'where[name.ja][exists]=true',
    ]) {
      const get = await api.request<{ totalDocs: number }>(`/api/partner-categories?${query}`, {
        token,
      })
      expect({ query, status: get.status }).toEqual({ query, status: 200 })
      const post = await api.request<{ totalDocs: number }>('/api/partner-categories', {
        method: 'POST',
        token,
        body: query,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-HTTP-Method-Override': 'GET',
        },
      })
      expect({ query, status: post.status, totalDocs: post.body.totalDocs }).toEqual({
        query,
        status: 200,
        totalDocs: get.body.totalDocs,
      })
    }
  })

  it('anonymous callers hear 401/403 first, not about their query; where= text Payload parses first is a 400 for anyone', async () => {
    for (const path of [
      '/api/partner-categories?where[key][near]=1,2',
      '/api/partner-categories/versions?where[version.name][like]=a',
      '/api/users?where[name][all]=x',
    ]) {
      expect([401, 403]).toContain((await api.request(path)).status)
    }
    // Found by the fuzz run: Payload JSON.parses where= and data= before its access check.
    await expectRefused(
      { path: '/api/partner-categories/versions?where=F&data=F&locale=en', who: null },
      400,
      /where is not valid JSON/,
    )
    await expectRefused(
      { path: '/api/payload-locked-documents?data=t', who: null },
      400,
      /data is not valid JSON/,
    )
  })
})

describe("beyond SQLite's limits: LIKE patterns, conditions, values", () => {
  const override = { 'Content-Type': 'application/json', 'X-HTTP-Method-Override': 'GET' }
  it.each([
    [
      'a LIKE pattern of 60 000 characters',
      { name: { like: 'a%'.repeat(30_000) } },
      /the pattern has 60000 characters; at most 1000/,
    ],
    [
      'a LIKE of 3 000 words',
      { name: { like: 'a '.repeat(3_000).slice(0, 999) } },
      /words; like takes at most 20/,
    ],
    [
      'contains of 100 000 characters',
      { name: { contains: 'a'.repeat(100_000) } },
      /the pattern has 100000 characters/,
    ],
    [
      'an or list of 40 000 terms',
      { or: Array.from({ length: 40_000 }, (_, index) => ({ key: { equals: `k${index}` } })) },
      /more than 100 conditions/,
    ],
    [
      'an in list of 40 000 values',
      { key: { in: Array.from({ length: 40_000 }, (_, index) => `k${index}`) } },
      /40000 values; at most 1000 in one list/,
    ],
  ])('%s: 400 through a JSON method override', async (_label, where, message) => {
    await expectRefused(
      {
        method: 'POST',
        path: '/api/partner-categories',
        who: 'editor',
        body: JSON.stringify({ locale: 'ja', where }),
        headers: override,
      },
      400,
      message,
    )
  })

  it('a LIKE pattern too long for a URL the server takes is refused in the query string too', async () => {
    await expectRefused(
      { path: `/api/partner-categories?locale=ja&where[name][like]=${'a%25'.repeat(1_500)}` },
      400,
      /the pattern has 3000 characters/,
    )
  })
})

describe('GraphQL', () => {
  const ROLES = [null, 'translatorEn', 'editor', 'reviewer', 'admin'] as const

  it.each(ROLES)(
    'Access and docAccess queries (a collection, the page) answer with data for %s, no 500',
    async (who) => {
      const token = await tokenOf(who)
      const access = await api.graphql<{
        Access: {
          canAccessAdmin: boolean
          partner_categories: {
            fields: { name: { read: { permission: boolean }; update: { permission: boolean } } }
            delete: { permission: boolean }
          }
        }
      }>(
        '{ Access { canAccessAdmin partner_categories { fields { name { read { permission } update { permission } } } delete { permission } } } }',
        token,
      )
      expect(access.status).toBe(200)
      expect(access.body.errors).toBeUndefined()
      expect(access.body.data?.Access.partner_categories.delete.permission).toBe(who === 'admin')
      expect(access.body.data?.Access.partner_categories.fields.name.read.permission).toBe(
        who !== null,
      )
      const doc = await api.graphql<{
        docAccessPartnerCategory: { update: { permission: boolean } }
      }>(
        `{ docAccessPartnerCategory(id: ${categoryId}) { update { permission } fields { key { update { permission } } } } }`,
        token,
      )
      expect(doc.body.errors ?? []).toEqual([])
      // A translator's right to save depends on the locale, which docAccess does not name.
      expect(doc.body.data?.docAccessPartnerCategory.update.permission).toBe(
        who === 'editor' || who === 'admin',
      )
      // Payload's resolver for a global's docAccess read its arguments wrongly and answered 500.
      const page = await api.graphql<{
        docAccessPartnersPage: { update: { permission: boolean } }
      }>(
        '{ docAccessPartnersPage { update { permission } fields { title { update { permission } } } } }',
        token,
      )
      expect(page.body.errors ?? []).toEqual([])
      expect(page.body.data?.docAccessPartnersPage.update.permission).toBe(
        who === 'editor' || who === 'admin',
      )
    },
  )

  it.each([
    [
      'all',
      `{ PartnerCategories(where: { key: { all: ["maps"] } }, locale: ja) { docs { id } } }`,
      /where\[key\]\[all\]: the all operator is not supported here/,
    ],
    [
      'a localized field without a locale',
      '{ PartnerCategories(where: { name: { equals: "x" } }) { docs { id } } }',
      /where\[name\]\[equals\]: name differs by language; name the locale to filter by it \(pass locale:/,
    ],
    [
      'a sort by a localized field without a locale',
      '{ PartnerCategories(sort: "name") { docs { id } } }',
      /sort: name differs by language/,
    ],
    [
      "the page's versions without a locale",
      '{ versionsPartnersPage(where: { version__title: { like: "a" } }) { docs { id } } }',
      /version\.title differs by language/,
    ],
    [
      'a LIKE pattern of 40 000 characters',
      `{ PartnerCategories(where: { name: { like: "${'a'.repeat(40_000)}" } }, locale: ja) { docs { id } } }`,
      /the pattern has 40000 characters/,
    ],
    [
      'an or list of 200 terms',
      `{ PartnerCategories(where: { OR: [${Array.from({ length: 200 }, (_, index) => `{ key: { equals: "k${index}" } }`).join(',')}] }, locale: ja) { docs { id } } }`,
      /more than 100 conditions/,
    ],
    [
      'an in list of 2 000 values',
      `{ countPartnerCategories(where: { key: { in: [${Array.from({ length: 2_000 }, (_, index) => `"k${index}"`).join(',')}] } }) { totalDocs } }`,
      /2000 values; at most 1000 in one list/,
    ],
  ])('where: %s is refused, naming it, with no 500', async (_label, query, message) => {
    const token = await api.login('editor')
    const before = await db.snapshot()
    const { body } = await api.graphql(query, token)
    expect(body.errors?.map((error) => error.message).join('\n')).toMatch(message)
    expect(
      (body.errors ?? []).filter((error) => (error.extensions?.statusCode ?? 400) >= 500),
    ).toEqual([])
    expect(changedTables(before, await db.snapshot())).toEqual([])
  })

  it('a GraphQL body that is not JSON by its Content-Type gets 415 naming it (found by the fuzz run: a bare 415)', async () => {
    await expectRefused(
      {
        method: 'POST',
        path: '/api/graphql',
        who: 'editor',
        body: '{"query":"{ meUser { user { id } } }"}',
        headers: { 'Content-Type': 'text/plain' },
      },
      415,
      /The GraphQL endpoint takes a JSON body/,
    )
  })

  it('a GraphQL document nested too deep is refused before parsing', async () => {
    await expectRefused(
      {
        method: 'POST',
        path: '/api/graphql',
        body: JSON.stringify({ query: `{${'a{'.repeat(5_000)}${'}'.repeat(5_000)}}` }),
        headers: { 'Content-Type': 'application/json' },
      },
      400,
      /The GraphQL query is nested deeper than 128 levels/,
    )
  })

  it('a good where with a locale still answers', async () => {
    const { body } = await api.graphql<{ PartnerCategories: { docs: Array<{ id: number }> } }>(
      '{ PartnerCategories(where: { key: { equals: "maps" } }, locale: ja) { docs { id } } }',
      await api.login('translatorEn'),
    )
    expect(body).toEqual({ data: { PartnerCategories: { docs: [{ id: categoryId }] } } })
  })
})

describe('fallback locales (found by an outside probe: a fallback brought Japanese into fr reads)', () => {
  it.each([
    ['REST fallback-locale', `/api/partner-categories/CATEGORY?locale=fr&fallback-locale=ja`],
    ['REST fallbackLocale on a global', '/api/globals/partners-page?locale=fr&fallbackLocale=ja'],
    ['REST fallback-locale on versions', '/api/partner-categories/versions?fallback-locale=ja'],
  ])('%s is refused with 400, naming it', async (_label, path) => {
    await expectRefused(
      { path: path.replace('CATEGORY', String(categoryId)), who: 'editor' },
      400,
      /fallback-?[lL]ocale "ja" is not supported: a field not translated in a locale stays empty/,
    )
  })

  it('GraphQL fallbackLocale is refused, naming it, and returns no text', async () => {
    const token = await api.login('editor')
    const { body } = await api.graphql<{ PartnersPage: { title: string | null } | null }>(
      '{ PartnersPage(locale: fr, fallbackLocale: ja) { title } }',
      token,
    )
    expect(body.errors?.map((error) => error.message).join('\n')).toMatch(
      /fallbackLocale "ja" is not supported/,
    )
    expect(body.data?.PartnersPage?.title ?? null).toBeNull()
  })

  it('"none" asks for what happens anyway, and answers as without it', async () => {
    const token = await api.login('editor')
    const path = `/api/partner-categories/${categoryId}?locale=fr&depth=0`
    const plain = await api.request<{ name: string | null }>(path, { token })
    const none = await api.request<{ name: string | null }>(`${path}&fallback-locale=none`, {
      token,
    })
    expect(none.status).toBe(200)
    expect(none.body.name).toBe(plain.body.name)
  })
})

describe('a parameter given twice (found by an outside probe: dryRun=false&dryRun=true wrote)', () => {
  const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ja" trgLang="en"><file id="f"/></xliff>`

  it.each([
    [
      'an XLIFF import',
      'POST',
      '/api/translations/xliff?dryRun=false&dryRun=true',
      'translatorEn',
      /dryRun is given 2 times/,
    ],
    [
      'a release preview',
      'GET',
      '/api/releases/prospect?locale=ja&locale=en',
      'reviewer',
      /locale is given 2 times/,
    ],
    [
      'a REST read',
      'GET',
      `/api/partner-categories?locale=en&locale=fr`,
      'editor',
      /locale is given 2 times/,
    ],
    [
      'a workflow action',
      'POST',
      '/api/globals/partners-page/workflow?locale=ja&locale=en',
      'editor',
      /locale is given 2 times/,
    ],
  ] as const)(
    '%s is refused with 400, naming the parameter, and writes nothing',
    async (_label, method, path, who, message) => {
      await expectRefused(
        {
          method,
          path,
          who,
          ...(method === 'POST'
            ? path.includes('xliff')
              ? { body: XLIFF, headers: { 'Content-Type': 'application/xliff+xml' } }
              : {
                  body: '{"action":"submit","locale":"ja"}',
                  headers: { 'Content-Type': 'application/json' },
                }
            : {}),
        },
        400,
        message,
      )
    },
  )
})

describe('a method a route does not take (found by an outside probe: it answered 404)', () => {
  it.each([
    ['GET', '/api/translations/bulk', 'POST'],
    ['GET', '/api/releases/publish', 'POST'],
    ['PUT', '/api/partner-categories/CATEGORY/workflow', 'GET, POST'],
    ['PATCH', '/api/globals/partners-page/workflow', 'GET, POST'],
  ])(
    '%s %s is 405 naming the methods it takes, and writes nothing',
    async (method, path, allow) => {
      const token = await api.login('admin')
      const before = await db.snapshot()
      const response = await api.request<Problem>(path.replace('CATEGORY', String(categoryId)), {
        method,
        token,
        ...(method === 'GET' || method === 'DELETE' ? {} : { json: { locale: 'ja' } }),
      })
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe(allow)
      expect(messages(response.body)).toMatch(new RegExp(`^${method} is not allowed on /api/`))
      expect(changedTables(before, await db.snapshot())).toEqual([])
    },
  )

  it('a path that does not exist stays 404', async () => {
    const response = await api.request('/api/translations/nothing', {
      token: await api.login('admin'),
    })
    expect(response.status).toBe(404)
  })
})

describe("the admin's server actions", () => {
  const action = (headers: Record<string, string> = {}) => ({
    method: 'POST',
    body: '[{"name":"form-state","args":{"collectionSlug":"partner-categories"}}]',
    headers: {
      'Next-Action': '7f00000000000000000000000000000000000000',
      'Content-Type': 'text/plain;charset=UTF-8',
      ...headers,
    },
  })

  it('without a session: 401 naming it, before Next runs anything, whatever the body', async () => {
    for (const path of ['/admin', '/admin/collections/partner-categories', '/admin/account']) {
      await expectRefused(
        { ...action(), path, who: null },
        401,
        /Sign in first: the admin’s server actions need a session/,
      )
      await expectRefused({ ...action(), body: 'garbage', path, who: null }, 401, /need a session/)
    }
    // A session cookie sent from another origin counts for nothing (CSRF), so it is no session either.
    const token = await api.login('admin')
    await expectRefused(
      {
        ...action({ Cookie: `payload-token=${token}`, Origin: 'http://evil.example' }),
        path: '/admin',
        who: null,
      },
      401,
      /need a session/,
    )
  })

  it('with a session, the call reaches Next (which answers an unknown action itself)', async () => {
    const response = await api.request('/admin', { ...action(), token: await api.login('editor') })
    expect(response.status).not.toBe(401)
    expect(response.text).not.toMatch(/need a session/)
  })
})
