import { TEST_PASSWORD, TEST_USERS } from './testUsers.mjs'

export type TestUserName = keyof typeof TEST_USERS

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string }

type RequestOptions = { method?: string; token?: string; json?: unknown; body?: string; headers?: Record<string, string> }

/** A client for one running server: plain fetch, JSON in and out, tokens per test user. */
export class ApiClient {
  private readonly tokens = new Map<TestUserName, string>()

  constructor(readonly baseURL: string) {}

  async request<T = unknown>(path: string, { method = 'GET', token, json, body, headers = {} }: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseURL}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: json !== undefined ? JSON.stringify(json) : body,
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text }
  }

  async login(name: TestUserName): Promise<string> {
    const cached = this.tokens.get(name)
    if (cached) return cached
    const { status, body } = await this.request<{ token?: string }>('/api/users/login', {
      method: 'POST',
      json: { email: TEST_USERS[name].email, password: TEST_PASSWORD },
    })
    if (status !== 200 || !body.token) throw new Error(`login as ${name} failed with ${status}`)
    this.tokens.set(name, body.token)
    return body.token
  }

  graphql<T = unknown>(query: string, token?: string, variables?: Record<string, unknown>) {
    return this.request<{ data?: T; errors?: Array<{ message: string; extensions?: { statusCode?: number } }> }>('/api/graphql', {
      method: 'POST',
      token,
      json: { query, variables },
    })
  }
}

export const baseURL = (): string => {
  const url = process.env.KAIJI_TEST_BASE_URL
  if (!url) throw new Error('KAIJI_TEST_BASE_URL is not set: the int/e2e global setup did not run')
  return url
}

let shared: ApiClient | undefined
/** The client of the server the global setup started. */
const sharedClient = (): ApiClient => (shared ??= new ApiClient(baseURL()))

export const request = <T = unknown>(path: string, options?: RequestOptions) => sharedClient().request<T>(path, options)
export const login = (name: TestUserName) => sharedClient().login(name)
export const graphql = <T = unknown>(query: string, token?: string, variables?: Record<string, unknown>) =>
  sharedClient().graphql<T>(query, token, variables)
