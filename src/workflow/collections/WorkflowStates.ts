import type { CollectionConfig } from 'payload'

import { isAuthenticated } from '@/access/isAuthenticated'
import { nobody } from '@/access/nobody'
import { presentActorLabel, presentLastAction, refuseActorQueries } from '@/audit/presentActors'
import { WORKFLOW_STATES } from '../types'

/** One row per document and locale. Only the workflow itself writes here (system access). */
export const WorkflowStates: CollectionConfig<'workflow-states'> = {
  slug: 'workflow-states',
  labels: { singular: 'Workflow state', plural: 'Workflow states' },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['subject', 'locale', 'state', 'updatedAt'],
    group: 'Workflow',
  },
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [refuseActorQueries(['approvedBy', 'lastAction'])] },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'subject', type: 'text', required: true, index: true },
    { name: 'locale', type: 'text', required: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      options: [...WORKFLOW_STATES],
      defaultValue: 'draft',
    },
    { name: 'approvedHash', type: 'text' },
    { name: 'approvedContent', type: 'json' },
    { name: 'approvedAt', type: 'date' },
    // Actor labels: colleagues' names for everyone, their emails for administrators only.
    {
      name: 'approvedBy',
      type: 'text',
      hooks: { afterRead: [presentActorLabel] },
      admin: { disableListFilter: true },
    },
    { name: 'editedSinceApproval', type: 'json' },
    {
      name: 'lastAction',
      type: 'json',
      hooks: { afterRead: [presentLastAction] },
      admin: { disableListFilter: true },
    },
    // Target locales only: the approved source (ja) content this translation translates, pinned when it
    // is submitted (or when a reviewer confirms a source change does not affect it), and at approval.
    { name: 'sourceHash', type: 'text' },
    { name: 'sourceContent', type: 'json' },
    { name: 'approvedSourceHash', type: 'text' },
  ],
}
