import type { Access } from 'payload'

import { hasRole } from './roles'

/** Legal reviewers and admins: they approve, publish and roll back. */
export const isReviewer: Access = ({ req: { user } }) => hasRole(user, 'legal-reviewer', 'admin')
