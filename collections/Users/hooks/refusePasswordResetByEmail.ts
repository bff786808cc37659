import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { adminText } from '@/i18n/adminText'

/**
 * Kaiji sends no email, so a reset link could only land in the server log; and on SQLite Payload's
 * reset bookkeeping deadlocks with its own write transaction (a 500). Refuse plainly instead, over
 * REST, GraphQL and the admin's "forgot password" form alike.
 */
export const refusePasswordResetByEmail: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
  req,
}) => {
  if (operation === 'forgotPassword') {
    throw new APIError(
      adminText(req, 'kaijiAdmin:messages:users:passwordResetByEmail'),
      403,
      null,
      true,
    )
  }
  return args
}
