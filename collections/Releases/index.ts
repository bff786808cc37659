import type { CollectionConfig } from 'payload'

import { isAuthenticated } from '@/access/isAuthenticated'
import { nobody } from '@/access/nobody'
import { LOCALES } from '@/config/locales'
import { releaseEndpoints } from '@/endpoints/releases'
import {
  presentActorLabel,
  presentActorLabels,
  presentReleaseSources,
  refuseActorQueries,
} from '@/audit/presentActors'
import { CHANGE_TYPES } from '@/releases/types'

const PUBLISH_PANEL = '/src/components/PublishPanel#PublishPanel'

/**
 * Immutable, numbered snapshots of the whole page per locale. Only the publish and rollback
 * endpoints write here (with system access inside their transaction); nobody updates or deletes.
 */
export const Releases: CollectionConfig<'releases'> = {
  slug: 'releases',
  labels: { singular: 'Release', plural: 'Releases' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: [
      'locale',
      'number',
      'summary',
      'changeType',
      'effectiveAt',
      'publishedAt',
      'publishedBy',
    ],
    listSearchableFields: ['summary'],
    group: 'Publishing',
    components: { beforeList: [PUBLISH_PANEL] },
  },
  defaultSort: '-publishedAt',
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [refuseActorQueries(['publishedBy', 'approvers', 'sources'])] },
  // Release numbers are per locale and gap-free: the unique pair makes a concurrent publish fail, not fork.
  indexes: [{ fields: ['locale', 'number'], unique: true }],
  endpoints: releaseEndpoints,
  fields: [
    { name: 'title', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'locale', type: 'select', required: true, index: true, options: [...LOCALES] },
    { name: 'number', type: 'number', required: true, min: 1 },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'changeType', type: 'select', required: true, options: [...CHANGE_TYPES] },
    {
      name: 'effectiveAt',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    // Actor labels: colleagues' names for everyone, their emails for administrators only.
    {
      name: 'publishedBy',
      type: 'text',
      required: true,
      hooks: { afterRead: [presentActorLabel] },
      admin: { disableListFilter: true },
    },
    {
      name: 'approvers',
      type: 'json',
      required: true,
      hooks: { afterRead: [presentActorLabels] },
      admin: { disableListFilter: true },
    },
    { name: 'urgencyReason', type: 'textarea' },
    { name: 'rollbackOf', type: 'number' },
    { name: 'sourceReleaseNumber', type: 'number' },
    { name: 'contentHash', type: 'text', required: true },
    { name: 'content', type: 'json', required: true },
    {
      name: 'sources',
      type: 'json',
      required: true,
      hooks: { afterRead: [presentReleaseSources] },
      admin: {
        disableListFilter: true,
        description: 'The approved version (content hash) of each document this release contains.',
      },
    },
  ],
}
