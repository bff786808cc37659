import { configToSchema } from '@payloadcms/graphql'

import { categoryIdByKey, releaseAction } from '@support/contentChanges'
import type { ApiClient, ApiResponse, TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { createTestPayload } from '../helpers/testPayload'
import { TEST_PASSWORD, TEST_USERS } from '@support/testUsers.mjs'
import {
  CALLERS,
  GRAPHQL_PROBES,
  OPEN_GRAPHQL_OPERATIONS,
  REST_PROBES,
  type Caller,
  type GraphqlProbe,
  type RestProbe,
  type Targets,
} from './matrix'

const own = useIsolatedServer('security-matrix')

type Docs<T> = { docs: T[] }

const tokenOf = async (api: ApiClient, caller: Caller) =>
  caller === 'anonymous' ? undefined : api.login(caller)

/** The documents the probes aim at, made or found by the admin. */
const prepareTargets = async (api: ApiClient): Promise<Targets> => {
  const token = await api.login('admin')
  const get = async <T>(path: string) => {
    const response = await api.request<T>(path, { token })
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`)
    return response.body
  }
  const post = async <T>(path: string, json: unknown) => {
    const response = await api.request<{ doc: T }>(path, { method: 'POST', token, json })
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`)
    return response.body.doc
  }
  if ((await get<Docs<unknown>>('/api/releases?limit=1')).docs.length === 0) {
    const published = await releaseAction(
      api,
      'publish',
      { locale: 'ja', summary: 'matrix baseline', changeType: 'editorial' },
      'admin',
    )
    if (published.status !== 200) throw new Error(`publish: ${published.text}`)
  }
  const users = await get<Docs<{ id: number; email: string }>>('/api/users?limit=100')
  const otherUser = users.docs.find((user) => user.email === 'editor2@kaiji.test')
  if (!otherUser) throw new Error('no editor2 account')
  const xliff = await api.request('/api/translations/xliff?locale=en', { token })
  const siteSettings = await api.request('/api/globals/site-settings?locale=ja', {
    method: 'POST',
    token,
    json: { siteName: 'Matrix' },
  })
  if (siteSettings.status !== 200) throw new Error(`site settings: ${siteSettings.text}`)
  const categoryId = await categoryIdByKey(api, 'maps')
  const userIds = Object.fromEntries(
    CALLERS.filter((caller) => caller !== 'anonymous').map((caller) => [
      caller,
      users.docs.find((user) => user.email === TEST_USERS[caller as TestUserName].email)?.id,
    ]),
  )
  return {
    categoryId,
    userIds,
    disposableCategoryId: (
      await post<{ id: number }>('/api/partner-categories?locale=ja', {
        key: 'matrix-disposable',
        order: 950,
        name: '使い捨て',
      })
    ).id,
    categoryVersionId: (
      await get<Docs<{ id: number }>>(
        `/api/partner-categories/versions?where[parent][equals]=${categoryId}&limit=1`,
      )
    ).docs[0]!.id,
    pageVersionId: (await get<Docs<{ id: number }>>('/api/globals/partners-page/versions?limit=1'))
      .docs[0]!.id,
    siteSettingsVersionId: (
      await get<Docs<{ id: number }>>('/api/globals/site-settings/versions?limit=1')
    ).docs[0]!.id,
    releaseId: (await get<Docs<{ id: number }>>('/api/releases?limit=1')).docs[0]!.id,
    webhookId: (
      await post<{ id: number }>('/api/webhook-endpoints', {
        name: 'matrix',
        url: 'http://192.0.2.1:9/matrix',
      })
    ).id,
    auditEventId: (await get<Docs<{ id: number }>>('/api/audit-events?limit=1')).docs[0]!.id,
    workflowStateId: (await get<Docs<{ id: number }>>('/api/workflow-states?limit=1')).docs[0]!.id,
    otherUserId: otherUser.id,
    disposableUserId: (
      await post<{ id: number }>('/api/users', {
        email: 'matrix-disposable@kaiji.test',
        password: TEST_PASSWORD,
        role: 'legal-editor',
      })
    ).id,
    enXliff: xliff.text,
  }
}

let targets: Targets
beforeAll(async () => {
  targets = await prepareTargets(own.api)
}, 60_000)

type Outcome = 'allowed' | 'refused' | `unexpected ${string}`

const restOutcome = (probe: RestProbe, { status }: ApiResponse): Outcome => {
  if (status >= 200 && status < 300) return 'allowed'
  if (status === 401 || status === 403 || probe.refusedAlso?.includes(status)) return 'refused'
  if (probe.grantedAlso?.includes(status)) return 'allowed'
  return `unexpected ${status}`
}

type GraphqlAnswer = {
  data?: Record<string, unknown> | null
  errors?: Array<{ message: string; extensions?: { statusCode?: number } }>
}

const graphqlOutcome = (
  probe: GraphqlProbe,
  { status, body }: ApiResponse<GraphqlAnswer>,
): Outcome => {
  if (status !== 200) return `unexpected ${status}`
  const errors = body.errors ?? []
  // An error without a status is a malformed query: the row is wrong, not the server.
  const malformed = errors.find((error) => error.extensions?.statusCode === undefined)
  if (malformed) return `unexpected ${malformed.message}`
  const codes = errors.map((error) => error.extensions?.statusCode ?? 0)
  if (codes.some((code) => code === 401 || code === 403 || probe.refusedAlso?.includes(code)))
    return 'refused'
  const other = codes.find((code) => !probe.grantedAlso?.includes(code))
  return other === undefined
    ? 'allowed'
    : `unexpected ${other}: ${errors[codes.indexOf(other)]?.message}`
}

/** Every caller's outcome for one row, so a failure shows the whole row at once. */
const outcomesFor = async (
  expected: readonly Caller[],
  attempt: (caller: Caller) => Promise<Outcome>,
) => {
  const actual: Record<string, Outcome> = {}
  const wanted: Record<string, Outcome> = {}
  // The admin goes last: its allowed deletes remove what the others were refused.
  for (const caller of CALLERS) {
    actual[caller] = await attempt(caller)
    wanted[caller] = expected.includes(caller) ? 'allowed' : 'refused'
  }
  return { actual, wanted }
}

describe('REST: every collection, global and custom endpoint × every role', () => {
  it.each(REST_PROBES.map((probe) => [`${probe.method} ${probe.what}`, probe] as const))(
    '%s',
    async (_label, probe) => {
      const { actual, wanted } = await outcomesFor(probe.allowed, async (caller) => {
        const raw = probe.raw?.(targets)
        const response = await own.api.request(probe.path(targets), {
          method: probe.method,
          token: await tokenOf(own.api, caller),
          ...(raw
            ? { body: raw.body, headers: { 'Content-Type': raw.contentType } }
            : probe.body
              ? { json: probe.body(targets, caller) }
              : {}),
        })
        return restOutcome(probe, response)
      })
      expect(actual).toEqual(wanted)
    },
  )

  it('has rows for every collection and global the server has', async () => {
    const { body } = await own.api.request<{ collections: object; globals: object }>(
      '/api/access',
      { token: await own.api.login('admin') },
    )
    const paths = REST_PROBES.map((probe) => probe.path(targets).split('?')[0] ?? '')
    const prefixes = [
      ...Object.keys(body.collections).map((slug) => `/api/${slug}`),
      ...Object.keys(body.globals).map((slug) => `/api/globals/${slug}`),
    ]
    expect(prefixes.length).toBeGreaterThan(8)
    expect(
      prefixes.filter(
        (prefix) => !paths.some((path) => path === prefix || path.startsWith(`${prefix}/`)),
      ),
    ).toEqual([])
  })
})

describe('GraphQL: every operation × every role', () => {
  it.each(GRAPHQL_PROBES.map((probe) => [probe.operation, probe] as const))(
    '%s',
    async (_label, probe) => {
      const { actual, wanted } = await outcomesFor(probe.allowed, async (caller) =>
        graphqlOutcome(
          probe,
          await own.api.graphql<Record<string, unknown>>(
            probe.query(targets, caller),
            await tokenOf(own.api, caller),
          ),
        ),
      )
      expect(actual).toEqual(wanted)
    },
  )

  it('covers every query and mutation of the schema (a new operation needs a row)', async () => {
    const local = await createTestPayload('security-schema')
    try {
      const { schema } = configToSchema(local.payload.config)
      const operations = [
        ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
        ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
      ]
      const covered = new Set<string>([
        ...GRAPHQL_PROBES.map((probe) => probe.operation),
        ...OPEN_GRAPHQL_OPERATIONS,
      ])
      expect(operations.filter((operation) => !covered.has(operation))).toEqual([])
      expect([...covered].filter((operation) => !operations.includes(operation))).toEqual([])
    } finally {
      await local.cleanup()
    }
  })

  it('answers introspection for nobody, so the schema is not handed to strangers', async () => {
    for (const caller of CALLERS) {
      const { body } = await own.api.graphql(
        '{ __schema { queryType { name } } }',
        await tokenOf(own.api, caller),
      )
      expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/)
    }
  })
})
