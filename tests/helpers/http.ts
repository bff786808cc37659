import { TEST_PASSWORD, TEST_USERS } from './testUsers.mjs'

export type TestUserName = keyof typeof TEST_USERS

export const baseURL = (): string => {
  const url = process.env.KAIJI_TEST_BASE_URL
  if (!url) throw new Error('KAIJI_TEST_BASE_URL is not set: the int/e2e global setup did not run')
  return url
}

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string }

export const request = async <T = unknown>(
  path: string,
  { method = 'GET', token, json, headers = {} }: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> => {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T, text }
}

const tokens = new Map<TestUserName, string>()

export const login = async (name: TestUserName): Promise<string> => {
  const cached = tokens.get(name)
  if (cached) return cached
  const { status, body } = await request<{ token?: string }>('/api/users/login', {
    method: 'POST',
    json: { email: TEST_USERS[name].email, password: TEST_PASSWORD },
  })
  if (status !== 200 || !body.token) throw new Error(`login as ${name} failed with ${status}`)
  tokens.set(name, body.token)
  return body.token
}

export const graphql = <T = unknown>(query: string, token?: string, variables?: Record<string, unknown>) =>
  request<{ data?: T; errors?: Array<{ message: string; extensions?: { statusCode?: number } }> }>('/api/graphql', {
    method: 'POST',
    token,
    json: { query, variables },
  })
