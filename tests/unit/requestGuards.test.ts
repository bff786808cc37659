import { guardGraphqlRoute, guardRestRoute, whereProblem, type CollectionShape } from '../../src/server/requestGuards'

const kinds = new Map([
  ['id', 'id'],
  ['createdAt', 'date'],
  ['order', 'number'],
  ['user', 'id'],
] as const)

const problemOf = async (response: Response | null) => (response ? { status: response.status, message: ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]?.message } : null)

describe('whereProblem', () => {
  it.each([
    ['where[id][equals]=12', null],
    ['where[id][in]=1,2,3', null],
    ['where[id][equals]=65f0c0ffee0123456789abcd', null],
    ['where[createdAt][greater_than]=2026-01-01T00:00:00Z', null],
    ['where[name][equals]=anything', null],
    ['where[id][exists]=true', null],
    ['where[id][in]=1,abc', 'where[id][in]: "abc" is not a document id.'],
    ['where[or][0][and][1][createdAt][equals]=yesterday', 'where[createdAt][equals]: "yesterday" is not a date (ISO 8601).'],
    ['where[order][less_than]=ten', 'where[order][less_than]: "ten" is not a number.'],
    ['where[user.value][equals]=me', 'where[user.value][equals]: "me" is not a document id.'],
  ])('%s', async (query, message) => {
    const answer = await problemOf(whereProblem(new URLSearchParams(query), kinds))
    expect(answer).toEqual(message === null ? null : { status: 400, message })
  })
})

describe('the REST and GraphQL guards', () => {
  const handed: Request[] = []
  const passed = async (incoming: Request) => {
    handed.push(incoming)
    return new Response('passed')
  }
  const collections: Promise<CollectionShape[]> = Promise.resolve([
    { slug: 'partner-categories', addressedById: true, fieldKinds: kinds },
    { slug: 'payload-preferences', addressedById: false, fieldKinds: kinds },
  ])
  const rest = guardRestRoute(passed, collections)
  const graphql = guardGraphqlRoute(passed)
  const request = (path: string, init: RequestInit = {}) => new Request(`http://127.0.0.1${path}`, init)
  const json = (method: string, body: string) => ({ method, body, headers: { 'Content-Type': 'application/json' } })

  beforeEach(() => {
    handed.length = 0
  })

  it.each([
    ['DELETE /api/partner-categories/abc', request('/api/partner-categories/abc', { method: 'DELETE' }), 404, /No partner-categories document has the id "abc"/],
    ['POST /api/users/verify/x', request('/api/users/verify/x', { method: 'POST' }), null, null],
    ['PATCH with a list', request('/api/partner-categories/1', json('PATCH', '[1]')), 400, /must be a JSON object of fields, not a list/],
    ['PATCH with broken JSON', request('/api/partner-categories/1', json('PATCH', '{"a":')), 400, /Invalid JSON/],
    ['POST multipart without parts', request('/api/partner-categories', { method: 'POST', body: 'x', headers: { 'Content-Type': 'multipart/form-data; boundary=b' } }), 400, /multipart\/form-data body could not be read/],
    ['GET with a bad where', request('/api/partner-categories?where[id][equals]=x'), 400, /is not a document id/],
  ])('%s', async (_label, incoming, status, message) => {
    const answer = await rest(incoming, {})
    if (status === null) {
      // users is not in this test's collection list, so its verify path passes through
      expect(await answer.text()).toBe('passed')
      return
    }
    expect(answer.status).toBe(status)
    expect(((await answer.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(message as RegExp)
    expect(handed).toHaveLength(0)
  })

  it('passes good requests through untouched, the body still readable', async () => {
    const answer = await rest(request('/api/partner-categories/1?locale=en', json('PATCH', '{"name":"Maps"}')), {})
    expect(await answer.text()).toBe('passed')
    expect(await handed[0]?.json()).toEqual({ name: 'Maps' })
    expect(await (await rest(request('/api/payload-preferences/locale', { method: 'DELETE' }), {})).text()).toBe('passed')
  })

  it('GraphQL: a body that is not a JSON object is refused; a query passes', async () => {
    expect((await graphql(request('/api/graphql', json('POST', '{"query": ')), {})).status).toBe(400)
    expect((await graphql(request('/api/graphql', json('POST', '')), {})).status).toBe(400)
    expect((await graphql(request('/api/graphql', json('POST', '"q"')), {})).status).toBe(400)
    expect(await (await graphql(request('/api/graphql', json('POST', '{"query":"{ meUser { token } }"}')), {})).text()).toBe('passed')
  })
})
