import type { Access } from 'payload'

import { hasRole } from './roles'

/** Legal reviewers decide on objections; admins run the system. */
export const isReviewerOrAdmin: Access = ({ req: { user } }) =>
  hasRole(user, 'legal-reviewer', 'admin')
