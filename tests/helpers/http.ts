/** The server the int, security and e2e global setup started, and the client for it. */
import { ApiClient, type RequestOptions, type TestUserName } from '@support/apiClient'

export { ApiClient, type ApiResponse, type TestUserName } from '@support/apiClient'

export const baseURL = (): string => {
  const url = process.env.KAIJI_TEST_BASE_URL
  if (!url) throw new Error('KAIJI_TEST_BASE_URL is not set: the int/e2e global setup did not run')
  return url
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
