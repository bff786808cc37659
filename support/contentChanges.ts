import type { ApiClient, TestUserName } from './apiClient'

type Docs<T> = { docs: T[] }

export const categoryIdByKey = async (api: ApiClient, key: string): Promise<number> => {
  const { body, status, text } = await api.request<Docs<{ id: number }>>(
    `/api/partner-categories?where[key][equals]=${encodeURIComponent(key)}`,
    {
      token: await api.login('admin'),
    },
  )
  const id = body.docs?.[0]?.id
  if (!id) throw new Error(`no category with key ${key}: ${status} ${text}`)
  return id
}

const paths = async (api: ApiClient, subject: string) => {
  if (subject === 'page')
    return {
      content: '/api/globals/partners-page',
      workflow: '/api/globals/partners-page/workflow',
      method: 'POST',
    }
  const id = await categoryIdByKey(api, subject)
  return {
    content: `/api/partner-categories/${id}`,
    workflow: `/api/partner-categories/${id}/workflow`,
    method: 'PATCH',
  }
}

const expectStatus = (what: string, result: { status: number; text: string }, status: number) => {
  if (result.status !== status)
    throw new Error(`${what}: expected ${status}, got ${result.status}: ${result.text}`)
}

/** Saves a change to one document in one locale as `editor` (a draft; nothing is approved). */
export const editContent = async (
  api: ApiClient,
  {
    subject,
    locale,
    data,
    editor = 'editor',
  }: { subject: string; locale: string; data: Record<string, unknown>; editor?: TestUserName },
): Promise<void> => {
  const { content, method } = await paths(api, subject)
  expectStatus(
    `edit ${subject} (${locale})`,
    await api.request(`${content}?locale=${locale}`, {
      method,
      token: await api.login(editor),
      json: data,
    }),
    200,
  )
}

/** Takes one workflow action on a document in a locale, through the real endpoint. */
export const workflowAction = async (
  api: ApiClient,
  subject: string,
  locale: string,
  action: string,
  who: TestUserName,
): Promise<void> => {
  const { workflow } = await paths(api, subject)
  expectStatus(
    `${action} ${subject} (${locale})`,
    await api.request(workflow, {
      method: 'POST',
      token: await api.login(who),
      json: { action, locale },
    }),
    200,
  )
}

/** Edit, submit and approve (four eyes: the editor edits and submits, the reviewer approves). */
export const approveChange = async (
  api: ApiClient,
  change: {
    subject: string
    locale: string
    data: Record<string, unknown>
    editor?: TestUserName
    reviewer?: TestUserName
  },
): Promise<void> => {
  await editContent(api, change)
  await workflowAction(api, change.subject, change.locale, 'submit', change.editor ?? 'editor')
  await workflowAction(api, change.subject, change.locale, 'approve', change.reviewer ?? 'reviewer')
}

export type PublishBody = {
  locale: string
  summary: string
  changeType: string
  effectiveAt?: string
  urgencyReason?: string
}

export type PublishResult = {
  release?: { number: number; effectiveAt: string; rollbackOf: number | null; contentHash: string }
  errors?: Array<{ message: string }>
}

/** POST /api/releases/publish (or /rollback) as `who`; null for an anonymous caller. */
export const releaseAction = async (
  api: ApiClient,
  action: 'publish' | 'rollback',
  body: unknown,
  who: TestUserName | null = 'reviewer',
) =>
  api.request<PublishResult>(`/api/releases/${action}`, {
    method: 'POST',
    token: who ? await api.login(who) : undefined,
    ...(typeof body === 'string'
      ? { body, headers: { 'Content-Type': 'application/json' } }
      : { json: body }),
  })

/** A GET as the public: no token, no cookie. */
export const publicGet = (api: ApiClient, path: string, headers: Record<string, string> = {}) =>
  api.request(path, { headers })

/**
 * A webhook endpoint, then a ja release it is told about: after this every record collection has a
 * row (an outbox message and its failed first attempt, waited for), for tests that walk them all.
 */
export const publishWithWebhookDelivery = async (api: ApiClient): Promise<void> => {
  const token = await api.login('admin')
  const endpoint = await api.request('/api/webhook-endpoints', {
    method: 'POST',
    token,
    json: { name: 'Reference site', url: 'http://127.0.0.1:9/kaiji-hook' },
  })
  if (endpoint.status !== 201) throw new Error(`webhook endpoint: ${endpoint.status}`)
  await approveChange(api, { subject: 'page', locale: 'ja', data: { title: 'パートナー一覧' } })
  const published = await releaseAction(api, 'publish', {
    locale: 'ja',
    summary: 'タイトルの変更',
    changeType: 'editorial',
  })
  if (published.status !== 201) throw new Error(`publish: ${published.status}`)
  const until = Date.now() + 15_000
  for (;;) {
    // The receiver is never there: the first attempt fails and is recorded.
    const { body } = await api.request<{ docs: unknown[] }>(
      '/api/outbox-attempts?limit=1&where[outcome][equals]=failed',
      { token },
    )
    if (body.docs.length > 0) return
    if (Date.now() > until) throw new Error('timed out waiting for a webhook delivery')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
