import {
  methodsForPath,
  type ApiShape,
  type EndpointRoute,
  type QueryField,
} from '@/server/apiShape'
import { guardGraphqlRoute, guardRestRoute, queryProblem } from '@/server/requestGuards'

const field = (kind: QueryField['kind'], localized = false): QueryField => ({ kind, localized })
const fields = new Map<string, QueryField>([
  ['id', field('id')],
  ['name', field('text', true)],
  ['createdAt', field('date')],
  ['order', field('number')],
  ['user.value', field('id')],
])
const versionFields = new Map<string, QueryField>([
  ['id', field('id')],
  ['parent', field('id')],
  ['version.name', field('text', true)],
])
const shape: ApiShape = {
  collections: new Map([
    [
      'partner-categories',
      {
        slug: 'partner-categories',
        addressedById: true,
        routes: new Set(['count', 'versions', 'access']),
        fields,
        versionFields,
      },
    ],
    [
      'releases',
      {
        slug: 'releases',
        addressedById: true,
        routes: new Set(['count', 'versions', 'access', 'publish']),
        fields,
        versionFields: null,
      },
    ],
    [
      'payload-preferences',
      {
        slug: 'payload-preferences',
        addressedById: false,
        routes: new Set(),
        fields,
        versionFields: null,
      },
    ],
  ]),
  globals: new Map([
    [
      'partners-page',
      {
        slug: 'partners-page',
        addressedById: false,
        routes: new Set<string>(),
        fields,
        versionFields,
      },
    ],
  ]),
  endpoints: [
    { segments: ['partner-categories', ':id'], method: 'GET' },
    { segments: ['partner-categories', ':id'], method: 'PATCH' },
    { segments: ['partner-categories', ':id'], method: 'DELETE' },
    { segments: ['partner-categories', ':id', 'workflow'], method: 'GET' },
    { segments: ['partner-categories', ':id', 'workflow'], method: 'POST' },
    { segments: ['translations', 'bulk'], method: 'POST' },
    { segments: ['partner-categories', 'count'], method: 'GET' },
  ],
  locales: ['ja', 'en'],
  cookiePrefix: 'payload',
}

const url = (query: string) => new URL(`http://127.0.0.1/api/partner-categories?${query}`)

describe('queryProblem', () => {
  it.each([
    ['where[id][equals]=12&locale=ja', null],
    ['where[id][in]=1,2,3', null],
    ['where[createdAt][greater_than]=2026-01-01T00:00:00Z', null],
    ['where[name][equals]=anything&locale=en', null],
    ['where[id][in]=1,abc', 'where[id][in]: "abc" is not a document id.'],
    // qs (Payload's parser) packs list indexes: the message names the place as Payload sees it.
    [
      'where[or][0][and][1][createdAt][equals]=yesterday',
      'where[or][0][and][0][createdAt][equals]: "yesterday" is not a date (ISO 8601).',
    ],
    ['where[order][less_than]=ten', 'where[order][less_than]: "ten" is not a number.'],
    ['where[user.value][equals]=me', 'where[user.value][equals]: "me" is not a document id.'],
    [
      'where[name][near]=1,2&locale=ja',
      'where[name][near]: near works on point (geographic) fields only, and name is not one.',
    ],
    [
      `where=${encodeURIComponent('{"id":{"equals":"x"}}')}`,
      'where[id][equals]: "x" is not a document id.',
    ],
    [
      `where=${encodeURIComponent('{"id":')}`,
      'where is not valid JSON; give it as where[field][operator]=value or as a JSON object.',
    ],
    [
      `data=${encodeURIComponent('{')}`,
      'data is not valid JSON; give it as data[field][operator]=value or as a JSON object.',
    ],
    ['page=1e308', 'page must be a whole number from 0 to 1000000000, not "1e308".'],
    ['limit=-5', 'limit must be a whole number from 0 to 1000000000, not "-5".'],
    ['page=2&limit=50', null],
  ])('%s', (query, message) => {
    expect(queryProblem(url(query), undefined, fields, shape.locales)).toBe(message)
  })

  it('a where given as JSON nested too deep', () => {
    const deep = `where=${encodeURIComponent(`${'{"or":['.repeat(200)}{}${']}'.repeat(200)}`)}`
    expect(queryProblem(url(deep), undefined, fields, shape.locales)).toBe(
      'where is nested deeper than 128 levels.',
    )
  })

  it('a localized field without a locale, in where or sort', () => {
    expect(queryProblem(url('where[name][like]=a'), undefined, fields, shape.locales)).toMatch(
      /where\[name\]\[like\]: name differs by language/,
    )
    expect(queryProblem(url('sort=-name'), undefined, fields, shape.locales)).toMatch(
      /sort: name differs by language/,
    )
    expect(
      queryProblem(url('where[name.en][like]=a&sort=name.ja'), undefined, fields, shape.locales),
    ).toBeNull()
  })
})

describe('the REST and GraphQL guards', () => {
  const handed: Request[] = []
  const passed = async (incoming: Request) => {
    handed.push(incoming)
    return new Response('passed')
  }
  const rest = guardRestRoute(passed, Promise.resolve(shape))
  const graphql = guardGraphqlRoute(passed)
  const signedIn = { Authorization: 'JWT any' }
  const request = (path: string, init: RequestInit = {}) =>
    new Request(`http://127.0.0.1${path}`, {
      ...init,
      headers: { ...signedIn, ...(init.headers as Record<string, string>) },
    })
  const json = (method: string, body: string, headers: Record<string, string> = {}) => ({
    method,
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
  const form = (body: string) => ({
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-HTTP-Method-Override': 'GET',
    },
  })

  beforeEach(() => {
    handed.length = 0
  })

  it.each([
    [
      'DELETE by a non-id',
      request('/api/partner-categories/abc', { method: 'DELETE' }),
      404,
      /No partner-categories document has the id "abc"/,
    ],
    [
      'GET by a non-id',
      request('/api/partner-categories/%00x'),
      404,
      /No partner-categories document has the id "\\u0000x"/,
    ],
    [
      'a custom endpoint under a non-id',
      request('/api/partner-categories/abc/workflow', json('POST', '{}')),
      404,
      /No partner-categories document has the id "abc"/,
    ],
    [
      'GET distinct',
      request('/api/partner-categories/distinct?field=name'),
      404,
      /There is no distinct-values endpoint/,
    ],
    [
      'versions of a collection that keeps none',
      request('/api/releases/versions/1', { method: 'POST' }),
      404,
      /releases keeps no version history/,
    ],
    [
      'a version by a non-id',
      request('/api/partner-categories/versions/abc'),
      404,
      /No partner-categories version has the id "abc"/,
    ],
    [
      'global versions by a non-id',
      request('/api/globals/partners-page/versions/abc'),
      404,
      /No partners-page version has the id "abc"/,
    ],
    [
      'versions by a non-id parent',
      request('/api/partner-categories/versions?where[parent][equals]=abc'),
      400,
      /where\[parent\]\[equals\]: "abc" is not a document id/,
    ],
    [
      'PATCH with a list',
      request('/api/partner-categories/1', json('PATCH', '[1]')),
      400,
      /must be a JSON object of fields, not a list/,
    ],
    [
      'PATCH with broken JSON',
      request('/api/partner-categories/1', json('PATCH', '{"a":')),
      400,
      /Invalid JSON/,
    ],
    [
      'PATCH nested too deep',
      request(
        '/api/partner-categories/1',
        json('PATCH', `{"name":${'['.repeat(200)}${']'.repeat(200)}}`),
      ),
      400,
      /The body is nested deeper than 128 levels/,
    ],
    [
      'POST multipart without parts',
      request('/api/partner-categories', {
        method: 'POST',
        body: 'x',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
      }),
      400,
      /multipart\/form-data body could not be read/,
    ],
    [
      'multipart with a broken _payload',
      request('/api/partner-categories', {
        method: 'POST',
        body: '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{nope\r\n--b--\r\n',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
      }),
      400,
      /The multipart field _payload is not valid JSON/,
    ],
    [
      'GET with a bad where',
      request('/api/partner-categories?where[id][equals]=x'),
      400,
      /is not a document id/,
    ],
    [
      'a method-override form hiding a bad where',
      request('/api/partner-categories', form('where[createdAt][equals]=abc')),
      400,
      /where\[createdAt\]\[equals\]: "abc" is not a date/,
    ],
    [
      'a method-override form on distinct',
      request('/api/partner-categories/distinct', form('field=name')),
      404,
      /There is no distinct-values endpoint/,
    ],
    [
      'a method-override JSON body hiding a bad where',
      request(
        '/api/partner-categories',
        json('POST', '{"where":{"name":{"near":"1,2"}},"locale":"ja"}', {
          'X-HTTP-Method-Override': 'GET',
        }),
      ),
      400,
      /near works on point/,
    ],
    [
      'a method-override JSON locale carrying parameters',
      request(
        '/api/partner-categories',
        json('POST', '{"locale":"ja&where[id][equals]=x"}', {
          'X-Payload-HTTP-Method-Override': 'GET',
        }),
      ),
      400,
      /where\[id\]\[equals\]: "x" is not a document id/,
    ],
    [
      'a method-override JSON body that is not JSON',
      request('/api/partner-categories', json('POST', '{', { 'X-HTTP-Method-Override': 'GET' })),
      400,
      /is not valid JSON/,
    ],
  ])('%s', async (_label, incoming, status, message) => {
    const answer = await rest(incoming, {})
    expect(answer.status).toBe(status)
    expect(
      ((await answer.json()) as { errors: Array<{ message: string }> }).errors[0]?.message,
    ).toMatch(message)
    expect(handed).toHaveLength(0)
  })

  it('passes good requests through untouched, the body still readable', async () => {
    const answer = await rest(
      request('/api/partner-categories/1?locale=en', json('PATCH', '{"name":"Maps"}')),
      {},
    )
    expect(await answer.text()).toBe('passed')
    expect(await handed[0]?.json()).toEqual({ name: 'Maps' })
    for (const path of [
      '/api/payload-preferences/locale',
      '/api/partner-categories/count',
      '/api/releases/publish',
      '/api/partner-categories/12/workflow',
      '/api/users/verify/x',
    ]) {
      expect(
        await (
          await rest(request(path, { method: path.includes('preferences') ? 'DELETE' : 'GET' }), {})
        ).text(),
      ).toBe('passed')
    }
    expect(
      await (
        await rest(request('/api/partner-categories', form('where[id][in]=1,2&locale=ja')), {})
      ).text(),
    ).toBe('passed')
  })

  it('leaves anonymous queries to Payload, which refuses them before running them, but not where= text it would parse first', async () => {
    const anonymous = new Request(
      'http://127.0.0.1/api/partner-categories/versions?where[version.name][like]=a',
    )
    expect(await (await rest(anonymous, {})).text()).toBe('passed')
    const unparsable = await rest(
      new Request('http://127.0.0.1/api/payload-preferences?where=t&data=t'),
      {},
    )
    expect(unparsable.status).toBe(400)
    expect(
      ((await unparsable.json()) as { errors: Array<{ message: string }> }).errors[0]?.message,
    ).toMatch(/where is not valid JSON/)
  })

  it('GraphQL: a body that is not a JSON object, or nests too deep, is refused; a query passes', async () => {
    expect((await graphql(request('/api/graphql', json('POST', '{"query": ')), {})).status).toBe(
      400,
    )
    expect((await graphql(request('/api/graphql', json('POST', '')), {})).status).toBe(400)
    expect((await graphql(request('/api/graphql', json('POST', '"q"')), {})).status).toBe(400)
    const deepQuery = await graphql(
      request(
        '/api/graphql',
        json('POST', JSON.stringify({ query: `{${'a{'.repeat(500)}${'}'.repeat(500)}}` })),
      ),
      {},
    )
    expect(
      ((await deepQuery.json()) as { errors: Array<{ message: string }> }).errors[0]?.message,
    ).toBe('The GraphQL query is nested deeper than 128 levels.')
    const plain = await graphql(
      request('/api/graphql', {
        method: 'POST',
        body: '{"query":"{ meUser { token } }"}',
        headers: { 'Content-Type': 'text/plain' },
      }),
      {},
    )
    expect(plain.status).toBe(415)
    expect(
      ((await plain.json()) as { errors: Array<{ message: string }> }).errors[0]?.message,
    ).toMatch(
      /takes a JSON body \(Content-Type: application\/json; charset=utf-8\), not "text\/plain"/,
    )
    expect(
      await (
        await graphql(request('/api/graphql', json('POST', '{"query":"{ meUser { token } }"}')), {})
      ).text(),
    ).toBe('passed')
    expect(
      await (
        await graphql(
          request('/api/graphql', {
            method: 'POST',
            body: '{"query":"{ meUser { token } }"}',
            headers: { 'Content-Type': 'application/json; charset=UTF-8' },
          }),
          {},
        )
      ).text(),
    ).toBe('passed')
  })
})

describe('methodsForPath', () => {
  const endpoints: readonly EndpointRoute[] = shape.endpoints
  it('names the methods of the routes with that path, parameters matching any segment', () => {
    expect(methodsForPath(endpoints, ['partner-categories', '12', 'workflow'])).toEqual([
      'GET',
      'POST',
    ])
    expect(methodsForPath(endpoints, ['translations', 'bulk'])).toEqual(['POST'])
  })
  it('counts only the most specific routes: a named route is not also an id', () => {
    expect(methodsForPath(endpoints, ['partner-categories', 'count'])).toEqual(['GET'])
    expect(methodsForPath(endpoints, ['partner-categories', '7'])).toEqual([
      'DELETE',
      'GET',
      'PATCH',
    ])
  })
  it('is empty for a path no route has', () => {
    expect(methodsForPath(endpoints, ['translations', 'bulk', 'more'])).toEqual([])
    expect(methodsForPath(endpoints, ['nothing'])).toEqual([])
  })
})

describe('a wrong method on a known route', () => {
  const notFound = async () => new Response('{"errors":[{"message":"Not Found"}]}', { status: 404 })
  const rest = guardRestRoute(notFound, Promise.resolve(shape))
  it('is 405 with Allow when the path exists under other methods', async () => {
    const response = await rest(
      new Request('http://127.0.0.1/api/translations/bulk', { method: 'GET' }),
      {},
    )
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('POST')
    expect(
      ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]?.message,
    ).toBe('GET is not allowed on /api/translations/bulk; use POST.')
  })
  it('stays 404 for a path that does not exist, or a method the route has', async () => {
    for (const [method, path] of [
      ['GET', '/api/translations/nothing'],
      ['GET', '/api/partner-categories/12/workflow'],
    ])
      expect((await rest(new Request(`http://127.0.0.1${path}`, { method }), {})).status).toBe(404)
  })
})
