/** The server the int, security and e2e global setup started, and the client for it. */
import { ApiClient, type RequestOptions, type TestUserName } from '@support/apiClient'

export { ApiClient, type ApiResponse, type TestUserName } from '@support/apiClient'

/** This Jest worker's own shared server: files running at once in other workers use theirs. */
export const baseURL = (): string => {
  const urls = process.env.KAIJI_TEST_BASE_URLS?.split(' ').filter(Boolean) ?? []
  if (urls.length === 0) {
    throw new Error('KAIJI_TEST_BASE_URLS is not set: the int/e2e global setup did not run')
  }
  const worker = Number(process.env.JEST_WORKER_ID ?? '1')
  return urls[(worker - 1) % urls.length]!
}

let shared: ApiClient | undefined
/** The client of the server the global setup started. */
export const sharedClient = (): ApiClient => (shared ??= new ApiClient(baseURL()))

export const request = <T = unknown>(path: string, options?: RequestOptions) =>
  sharedClient().request<T>(path, options)
export const login = (name: TestUserName) => sharedClient().login(name)
export const graphql = <T = unknown>(
  query: string,
  token?: string,
  variables?: Record<string, unknown>,
) => sharedClient().graphql<T>(query, token, variables)
