import type { PayloadRequest } from 'payload'

/** Any signed-in Kaiji user. The public never reads collections; it reads releases. */
export const isAuthenticated = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  Boolean(user)
