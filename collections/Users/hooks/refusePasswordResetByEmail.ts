import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * Kaiji sends no email, so a reset link could only land in the server log; and on SQLite Payload's
 * reset bookkeeping deadlocks with its own write transaction (a 500). Refuse plainly instead, over
 * REST, GraphQL and the admin's "forgot password" form alike.
 */
export const refusePasswordResetByEmail: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
}) => {
  if (operation === 'forgotPassword') {
    throw new APIError(
      'Password reset by email is not available: Kaiji sends no email. Ask an administrator to set a new password for you.',
      403,
      null,
      true,
    )
  }
  return args
}
