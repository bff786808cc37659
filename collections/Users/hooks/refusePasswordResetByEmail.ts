import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { settings } from '@/config/settings'
import { adminText } from '@/i18n/adminText'

/**
 * Without an SMTP server, email only lands in .eml files on the server, so a reset link could reach
 * nobody but whoever reads the server's disk: refuse plainly instead, over REST, GraphQL and the
 * admin's "forgot password" form alike. With KAIJI_SMTP_URL set, Payload's reset by email works.
 */
export const refusePasswordResetByEmail: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
  req,
}) => {
  if (operation === 'forgotPassword' && settings().mail.smtpUrl === null) {
    throw new APIError(
      adminText(req, 'kaijiAdmin:messages:users:passwordResetByEmail'),
      403,
      null,
      true,
    )
  }
  return args
}
