import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Admins and legal editors own the source content and the structure (keys, icons, order). */
export const isSourceEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'legal-editor')

export const isSourceEditorField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'legal-editor')
