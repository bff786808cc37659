/** For append-only and system-written collections: no user, admins included, may do this through any API. */
export const nobody = (): boolean => false
