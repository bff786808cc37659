import { request as httpRequest } from 'node:http'

import { TEST_PASSWORD, TEST_USERS } from './testUsers.mjs'

export type TestUserName = keyof typeof TEST_USERS

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string }

export type RequestOptions = {
  method?: string
  token?: string
  json?: unknown
  body?: string | Uint8Array<ArrayBuffer>
  headers?: Record<string, string>
}

/** A client for one running server: plain fetch, JSON in and out, tokens per test user. */
export class ApiClient {
  // Promises, so that requests made at once share one sign-in (Payload reads a user's sessions
  // before its sign-in transaction: simultaneous sign-ins of one user can drop each other's).
  private readonly tokens = new Map<TestUserName, Promise<string>>()

  constructor(
    readonly baseURL: string,
    /** Connect from this local address (another loopback address, 127.0.0.2 say), as another client machine would. */
    readonly localAddress?: string,
  ) {}

  /** The same server, seen from another client address. */
  from(localAddress: string): ApiClient {
    return new ApiClient(this.baseURL, localAddress)
  }

  async request<T = unknown>(
    path: string,
    { method = 'GET', token, json, body, headers = {} }: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const init = {
      method,
      headers: {
        ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: json !== undefined ? JSON.stringify(json) : body,
    }
    const response = this.localAddress
      ? await requestFrom(this.localAddress, `${this.baseURL}${path}`, init)
      : await fetch(`${this.baseURL}${path}`, { ...init, redirect: 'manual' })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text }
  }

  login(name: TestUserName): Promise<string> {
    const cached = this.tokens.get(name)
    if (cached) return cached
    const signingIn = (async () => {
      const { status, body } = await this.request<{ token?: string }>('/api/users/login', {
        method: 'POST',
        json: { email: TEST_USERS[name].email, password: TEST_PASSWORD },
      })
      if (status !== 200 || !body.token) throw new Error(`login as ${name} failed with ${status}`)
      return body.token
    })()
    this.tokens.set(name, signingIn)
    signingIn.catch(() => this.tokens.delete(name))
    return signingIn
  }

  graphql<T = unknown>(query: string, token?: string, variables?: Record<string, unknown>) {
    return this.request<{
      data?: T
      errors?: Array<{ message: string; extensions?: { statusCode?: number } }>
    }>('/api/graphql', {
      method: 'POST',
      token,
      json: { query, variables },
    })
  }
}

/** fetch cannot pick its source address; node:http can. Answers with a fetch Response. */
const requestFrom = (
  localAddress: string,
  url: string,
  init: {
    method: string
    headers: Record<string, string>
    body?: string | Uint8Array<ArrayBuffer>
  },
): Promise<Response> =>
  new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: init.method, headers: init.headers, localAddress },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', reject)
        incoming.on('end', () => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              headers.append(name, one)
          }
          const status = incoming.statusCode ?? 0
          resolve(
            new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), {
              status,
              headers,
            }),
          )
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.end(init.body)
  })
