import { categoryIdByKey } from '@support/contentChanges'
import type { TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'

type Problem = { errors?: Array<{ message: string }> }

const own = useIsolatedServer('bad-input')

/** Everything a bad request could have touched: every category and the page in every locale, the trail, the releases. */
const snapshot = async () => {
  const token = await own.api.login('admin')
  const all = async (path: string) => (await own.api.request(path, { token })).text
  return {
    categories: await all('/api/partner-categories?locale=all&limit=100&depth=0'),
    page: await all('/api/globals/partners-page?locale=all&depth=0'),
    audit: await all('/api/audit-events?limit=1'),
    releases: await all('/api/releases?limit=100'),
  }
}

type Case = {
  label: string
  who?: TestUserName
  method: string
  path: (id: number) => string
  body: string
  contentType?: string
  status: number
  message: RegExp
}

const json = (value: unknown) => JSON.stringify(value)
const cat =
  (locale = 'ja') =>
  (id: number) =>
    `/api/partner-categories/${id}?locale=${locale}`
const page =
  (locale = 'ja') =>
  () =>
    `/api/globals/partners-page?locale=${locale}`
const nested = (depth: number) => `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`

const CASES: Case[] = [
  {
    label: 'malformed JSON',
    method: 'PATCH',
    path: cat(),
    body: '{"name": "x"',
    status: 400,
    message: /Invalid JSON/,
  },
  {
    label: 'a list instead of an object',
    method: 'PATCH',
    path: cat(),
    body: '[1,2]',
    status: 400,
    message: /The body must be a JSON object of fields, not a list/,
  },
  {
    label: 'a bare string',
    method: 'PATCH',
    path: cat(),
    body: '"x"',
    status: 400,
    message: /must be a JSON object/,
  },
  {
    label: 'a body over 2 MB',
    method: 'PATCH',
    path: cat(),
    body: json({ name: 'x'.repeat(2 * 1024 * 1024 + 1) }),
    status: 413,
    message: /The request body is larger than 2 MB/,
  },
  {
    label: 'a huge name',
    method: 'PATCH',
    path: cat(),
    body: json({ name: '長'.repeat(100_000) }),
    status: 400,
    message: /name has 100000 characters; at most 300/,
  },
  {
    label: 'a number for text',
    method: 'PATCH',
    path: cat(),
    body: json({ name: 123 }),
    status: 400,
    message: /name must be text, not number/,
  },
  {
    label: 'text for a number',
    method: 'PATCH',
    path: cat(),
    body: json({ order: 'abc' }),
    status: 400,
    message: /order must be a number, not string/,
  },
  {
    label: 'text for a checkbox',
    method: 'PATCH',
    path: cat(),
    body: json({ retired: 'yes' }),
    status: 400,
    message: /retired must be true or false/,
  },
  {
    label: 'an unknown locale',
    method: 'PATCH',
    path: cat('xx'),
    body: json({ name: 'XX' }),
    status: 400,
    message: /Unknown locale "xx" for a write/,
  },
  {
    label: 'locale=all on a write',
    method: 'PATCH',
    path: cat('all'),
    body: json({ name: 'ALL' }),
    status: 400,
    message: /Unknown locale "all" for a write/,
  },
  {
    label: 'absurd nesting',
    method: 'PATCH',
    path: cat(),
    body: nested(5_000),
    status: 400,
    message: /nested deeper than 128 levels/,
  },
  {
    label: 'rich text as HTML',
    method: 'PATCH',
    path: cat(),
    body: json({ description: '<p>x</p>' }),
    status: 400,
    message: /description: it must be an object with a "root" node/,
  },
  {
    label: 'rich text over 256 KB',
    method: 'PATCH',
    path: cat(),
    body: json({
      description: {
        root: {
          type: 'root',
          version: 1,
          children: [
            {
              type: 'paragraph',
              version: 1,
              children: [{ type: 'text', version: 1, text: 'x'.repeat(300_000) }],
            },
          ],
        },
      },
    }),
    status: 400,
    message: /description is \d+ KB of rich text; at most 256 KB/,
  },
  {
    label: 'a group that is not an object',
    method: 'POST',
    path: page(),
    body: json({ columnLabels: 'x' }),
    status: 400,
    message: /columnLabels must be an object, not string/,
  },
  {
    label: 'a multipart body that is not multipart',
    method: 'PATCH',
    path: cat(),
    body: 'not a form',
    contentType: 'multipart/form-data; boundary=x',
    status: 400,
    message: /multipart\/form-data body could not be read/,
  },
  {
    label: 'delete by an id that is not one',
    who: 'admin',
    method: 'DELETE',
    path: () => '/api/partner-categories/%00abc',
    body: '',
    status: 404,
    message: /No partner-categories document has the id "\\u0000abc"/,
  },
  {
    label: 'a where filter with an id that is not one',
    who: 'admin',
    method: 'DELETE',
    path: () => '/api/users?where[id][in]=1,%F0%9F%92%A5',
    body: '',
    status: 400,
    message: /where\[id\]\[in\]: "💥" is not a document id/,
  },
  {
    label: 'a where filter with a date that is not one',
    who: 'admin',
    method: 'DELETE',
    path: () => '/api/outbox-messages?where[or][0][createdAt][equals]=abc',
    body: '',
    status: 400,
    message: /where\[or\]\[0\]\[createdAt\]\[equals\]: "abc" is not a date/,
  },
  {
    label: 'deleting a preference one does not have',
    method: 'DELETE',
    path: () => '/api/payload-preferences/nope',
    body: '',
    status: 404,
    message: /You have no preference named "nope"/,
  },
  {
    label: 'an API path that does not exist',
    method: 'POST',
    path: () => '/api/payload-migrations',
    body: json({ name: 'x', batch: 9 }),
    status: 404,
    message: /There is no API at \/api\/payload-migrations/,
  },
  {
    label: 'email verification (not offered)',
    method: 'POST',
    path: () => '/api/users/verify/token',
    body: '',
    status: 404,
    message: /Email verification is not enabled/,
  },
  {
    label: 'a preference that is a list',
    method: 'POST',
    path: () => '/api/payload-preferences/locale',
    body: '[1]',
    status: 400,
    message: /must be a JSON object of fields, not a list/,
  },
  {
    label: 'GraphQL: malformed JSON',
    method: 'POST',
    path: () => '/api/graphql',
    body: '{"query": ',
    status: 400,
    message: /The GraphQL request body is not valid JSON/,
  },
  {
    label: 'GraphQL: no body',
    method: 'POST',
    path: () => '/api/graphql',
    body: '',
    status: 400,
    message: /The GraphQL request needs a JSON body/,
  },
  {
    label: 'GraphQL: a list',
    method: 'POST',
    path: () => '/api/graphql',
    body: '[]',
    status: 400,
    message: /must be a JSON object \(\{"query": "…"\}\), not a list/,
  },
  {
    label: 'password reset by email (no SMTP server configured)',
    method: 'POST',
    path: () => '/api/users/forgot-password',
    body: json({ email: 'editor@kaiji.test' }),
    status: 403,
    message: /Password reset by email is not available/,
  },
  {
    label: 'a group that is null (fuzz counterexample)',
    method: 'POST',
    path: page('fr'),
    body: json({ columnLabels: null, revision: -1.9e205 }),
    status: 400,
    message: /columnLabels must be an object, not null/,
  },
  {
    label: 'a page label over its length',
    method: 'POST',
    path: page('en'),
    body: json({ columnLabels: { type: 'T'.repeat(101) } }),
    status: 400,
    message: /columnLabels.type has 101 characters; at most 100/,
  },
  {
    label: 'the page with an unknown locale',
    method: 'POST',
    path: page('xx'),
    body: json({ title: 'x' }),
    status: 400,
    message: /Unknown locale "xx"/,
  },
  {
    label: 'a category without key or order',
    method: 'POST',
    path: () => '/api/partner-categories?locale=ja',
    body: json({}),
    status: 400,
    message: /The following fields are invalid: Key, Order, Name/,
  },
  {
    label: 'publish: malformed JSON',
    who: 'reviewer',
    method: 'POST',
    path: () => '/api/releases/publish',
    body: '{',
    status: 400,
    message: /Invalid JSON in the request body/,
  },
  {
    label: 'publish: an invalid date',
    who: 'reviewer',
    method: 'POST',
    path: () => '/api/releases/publish',
    body: json({
      locale: 'ja',
      summary: 's',
      changeType: 'editorial',
      effectiveAt: '2026-02-30T00:00:00Z',
    }),
    status: 400,
    message: /effectiveAt/,
  },
  {
    label: 'publish: an unknown locale',
    who: 'reviewer',
    method: 'POST',
    path: () => '/api/releases/publish',
    body: json({ locale: 'xx', summary: 's', changeType: 'editorial' }),
    status: 400,
    message: /locale/,
  },
  {
    label: 'workflow: malformed JSON',
    method: 'POST',
    path: (id) => `/api/partner-categories/${id}/workflow`,
    body: '{',
    status: 400,
    message: /Invalid JSON in the request body/,
  },
  {
    label: 'workflow: a huge reason',
    who: 'reviewer',
    method: 'POST',
    path: (id) => `/api/partner-categories/${id}/workflow`,
    body: json({ action: 'request-changes', locale: 'ja', reason: 'r'.repeat(5_000) }),
    status: 400,
    message: /at most 2000 characters/,
  },
]

describe('bad input gets a 4xx naming the problem, changes nothing, and the server stays up', () => {
  it.each(CASES.map((testCase) => [testCase.label, testCase] as const))(
    '%s',
    async (
      _label,
      { who = 'editor', method, path, body, contentType = 'application/json', status, message },
    ) => {
      const id = await categoryIdByKey(own.api, 'maps')
      const before = await snapshot()
      const response = await own.api.request<Problem>(path(id), {
        method,
        token: await own.api.login(who),
        body,
        headers: { 'Content-Type': contentType },
      })
      expect(response.status).toBe(status)
      expect(
        response.body.errors?.map((error) => error.message).join('\n') ?? response.text,
      ).toMatch(message)
      expect(await snapshot()).toEqual(before)
      expect((await own.api.request('/readyz')).status).toBe(200)
    },
  )
})
