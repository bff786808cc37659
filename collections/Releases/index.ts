import type { CollectionConfig } from 'payload'

import { isAuthenticated } from '@/access/isAuthenticated'
import { nobody } from '@/access/nobody'
import { byLanguage } from '@/i18n/byLanguage'
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
  labels: {
    singular: byLanguage('kaijiAdmin:records:releases:singular'),
    plural: byLanguage('kaijiAdmin:records:releases:plural'),
  },
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
    group: byLanguage('kaijiAdmin:records:group:publishing'),
    components: { beforeList: [PUBLISH_PANEL] },
  },
  defaultSort: '-publishedAt',
  access: { read: isAuthenticated, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [refuseActorQueries(['publishedBy', 'approvers', 'sources'])] },
  // Release numbers are per locale and gap-free: the unique pair makes a concurrent publish fail, not fork.
  indexes: [{ fields: ['locale', 'number'], unique: true }],
  endpoints: releaseEndpoints,
  fields: [
    {
      name: 'title',
      label: byLanguage('kaijiAdmin:records:releases:title'),
      type: 'text',
      required: true,
      admin: { readOnly: true },
    },
    {
      name: 'locale',
      label: byLanguage('kaijiAdmin:records:language'),
      type: 'select',
      required: true,
      index: true,
      options: LOCALES.map((locale) => ({
        value: locale,
        label: byLanguage(`kaijiAdmin:collections:localeName:${locale}`),
      })),
    },
    {
      name: 'number',
      label: byLanguage('kaijiAdmin:records:releases:number'),
      type: 'number',
      required: true,
      min: 1,
    },
    {
      name: 'summary',
      label: byLanguage('kaijiAdmin:records:releases:summary'),
      type: 'textarea',
      required: true,
    },
    {
      name: 'changeType',
      label: byLanguage('kaijiAdmin:records:releases:changeType'),
      type: 'select',
      required: true,
      options: CHANGE_TYPES.map((changeType) => ({
        value: changeType,
        label: byLanguage(`kaijiAdmin:publishing:changeTypeName:${changeType}`),
      })),
    },
    {
      name: 'effectiveAt',
      label: byLanguage('kaijiAdmin:publishing:effectiveAt'),
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'publishedAt',
      label: byLanguage('kaijiAdmin:records:releases:publishedAt'),
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    // Actor labels: colleagues' names for everyone, their emails for administrators only.
    {
      name: 'publishedBy',
      label: byLanguage('kaijiAdmin:records:releases:publishedBy'),
      type: 'text',
      required: true,
      hooks: { afterRead: [presentActorLabel] },
      admin: { disableListFilter: true },
    },
    {
      name: 'approvers',
      label: byLanguage('kaijiAdmin:records:releases:approvers'),
      type: 'json',
      required: true,
      hooks: { afterRead: [presentActorLabels] },
      admin: { disableListFilter: true },
    },
    {
      name: 'urgencyReason',
      label: byLanguage('kaijiAdmin:publishing:shorterNoticeReason'),
      type: 'textarea',
    },
    {
      name: 'rollbackOf',
      label: byLanguage('kaijiAdmin:records:releases:rollbackOf'),
      type: 'number',
    },
    {
      name: 'sourceReleaseNumber',
      label: byLanguage('kaijiAdmin:records:releases:sourceReleaseNumber'),
      type: 'number',
    },
    {
      // Set only on the release the import published; the public pages name it in words, the JSON keeps the summary.
      name: 'importedFrom',
      label: byLanguage('kaijiAdmin:records:releases:importedFrom'),
      type: 'group',
      fields: [
        {
          name: 'file',
          label: byLanguage('kaijiAdmin:records:releases:importedFile'),
          type: 'text',
        },
        {
          name: 'sha256',
          label: byLanguage('kaijiAdmin:records:releases:importedSha256'),
          type: 'text',
        },
      ],
    },
    {
      name: 'contentHash',
      label: byLanguage('kaijiAdmin:records:releases:contentHash'),
      type: 'text',
      required: true,
    },
    {
      name: 'content',
      label: byLanguage('kaijiAdmin:records:releases:content'),
      type: 'json',
      required: true,
    },
    {
      name: 'sources',
      label: byLanguage('kaijiAdmin:records:releases:sources'),
      type: 'json',
      required: true,
      hooks: { afterRead: [presentReleaseSources] },
      admin: {
        disableListFilter: true,
        description: byLanguage('kaijiAdmin:records:releases:sourcesDescription'),
      },
    },
  ],
}
