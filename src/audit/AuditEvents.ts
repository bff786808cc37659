import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { nobody } from '../access/nobody'
import { presentActorLabel } from './presentActors'

/** Append-only for everyone through every API; the workflow appends with system access. */
export const AuditEvents: CollectionConfig<'audit-events'> = {
  slug: 'audit-events',
  labels: { singular: 'Audit event', plural: 'Audit trail' },
  admin: {
    useAsTitle: 'action',
    defaultColumns: [
      'at',
      'actorLabel',
      'action',
      'subject',
      'locale',
      'fromState',
      'toState',
      'reason',
    ],
    listSearchableFields: ['subject', 'actorLabel', 'action', 'reason'],
    group: 'Workflow',
  },
  defaultSort: '-id',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'actorId', type: 'text' },
    // Administrators alone read the trail today; should that widen, other readers still see no email.
    { name: 'actorLabel', type: 'text', required: true, hooks: { afterRead: [presentActorLabel] } },
    { name: 'action', type: 'text', required: true, index: true },
    { name: 'subject', type: 'text', required: true, index: true },
    { name: 'locale', type: 'text', required: true, index: true },
    { name: 'fromState', type: 'text' },
    { name: 'toState', type: 'text' },
    { name: 'reason', type: 'textarea' },
    { name: 'contentHash', type: 'text' },
    { name: 'previousHash', type: 'text', required: true },
    { name: 'hash', type: 'text', required: true, unique: true },
  ],
}
