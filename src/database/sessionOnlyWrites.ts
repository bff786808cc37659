import type { BaseDatabaseAdapter } from 'payload'

type UpdateOne = BaseDatabaseAdapter['updateOne']

/** Payload marks a write that only adds, renews or removes a session with `updatedAt: null`. */
const isSessionWrite = (data: Record<string, unknown>): boolean =>
  data.updatedAt === null && Array.isArray(data.sessions)

/**
 * Payload's sign-in reads the account before its transaction, hashes the password, then writes the
 * whole account back to add the session. A change an administrator saved in between (a role taken
 * away, a translator's locales narrowed) was undone by it; someone signing in over and over could
 * keep a role that way. Sign-in, sign-out and refresh now write the sessions and nothing else.
 */
export const writeOnlySessionsOnSessionWrites = (
  db: Pick<BaseDatabaseAdapter, 'updateOne'>,
  authCollections: ReadonlySet<string>,
): void => {
  const updateOne: UpdateOne = db.updateOne.bind(db)
  db.updateOne = ((args: Parameters<UpdateOne>[0]) => {
    const data = args.data as Record<string, unknown>
    if (!authCollections.has(args.collection) || !isSessionWrite(data)) return updateOne(args)
    return updateOne({ ...args, data: { sessions: data.sessions, updatedAt: null } })
  }) as UpdateOne
}
