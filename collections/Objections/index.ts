import type { CollectionConfig } from 'payload'

import { isReviewerOrAdmin } from '@/access/isReviewerOrAdmin'
import { nobody } from '@/access/nobody'
import { byLanguage } from '@/i18n/byLanguage'
import {
  OBJECTION_OUTCOMES,
  OBJECTION_STATUSES,
  MAX_NOTE_CHARS,
  MAX_ORGANISATION_CHARS,
  MAX_REASON_CHARS,
} from '@/subscriptions/objections/objectionRules'
import { closeObjectionEndpoint } from './closeObjection'

/**
 * Subscribers' objections to an announced material release, made through their personal link
 * (src/subscriptions/objections). Private: legal reviewers and admins read them, nobody writes them
 * through any API; the public route records them and the close endpoint records each outcome.
 */
export const Objections: CollectionConfig<'objections'> = {
  slug: 'objections',
  labels: {
    singular: byLanguage('kaijiAdmin:objections:singular'),
    plural: byLanguage('kaijiAdmin:objections:plural'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'releaseNumber', 'locale', 'status', 'outcome', 'receivedAt'],
    listSearchableFields: ['reason', 'organisation', 'email'],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  defaultSort: '-receivedAt',
  access: { read: isReviewerOrAdmin, create: nobody, update: nobody, delete: nobody },
  endpoints: [closeObjectionEndpoint],
  fields: [
    {
      name: 'closeObjection',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/components/CloseObjection#CloseObjection' },
      },
    },
    {
      name: 'title',
      label: byLanguage('kaijiAdmin:objections:title'),
      type: 'text',
      required: true,
    },
    // One per subscriber and release: the unique index, not a read-then-write, keeps a double submit to one row.
    {
      name: 'key',
      label: byLanguage('kaijiAdmin:objections:key'),
      type: 'text',
      required: true,
      unique: true,
      admin: { hidden: true },
    },
    {
      name: 'locale',
      label: byLanguage('kaijiAdmin:records:language'),
      type: 'text',
      required: true,
      index: true,
    },
    {
      name: 'releaseNumber',
      label: byLanguage('kaijiAdmin:objections:releaseNumber'),
      type: 'number',
      required: true,
      index: true,
    },
    {
      name: 'subscriber',
      label: byLanguage('kaijiAdmin:objections:subscriber'),
      type: 'text',
      required: true,
      index: true,
    },
    {
      name: 'email',
      label: byLanguage('kaijiAdmin:objections:email'),
      type: 'email',
    },
    {
      name: 'organisation',
      label: byLanguage('kaijiAdmin:objections:organisation'),
      type: 'text',
      maxLength: MAX_ORGANISATION_CHARS,
    },
    {
      name: 'reason',
      label: byLanguage('kaijiAdmin:objections:reason'),
      type: 'textarea',
      required: true,
      maxLength: MAX_REASON_CHARS,
    },
    {
      name: 'receivedAt',
      label: byLanguage('kaijiAdmin:objections:receivedAt'),
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'status',
      label: byLanguage('kaijiAdmin:objections:status'),
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'open',
      options: OBJECTION_STATUSES.map((status) => ({
        value: status,
        label: byLanguage(`kaijiAdmin:objections:statuses:${status}`),
      })),
    },
    {
      name: 'outcome',
      label: byLanguage('kaijiAdmin:objections:outcome'),
      type: 'select',
      options: OBJECTION_OUTCOMES.map((outcome) => ({
        value: outcome,
        label: byLanguage(`kaijiAdmin:objections:outcomes:${outcome}`),
      })),
    },
    {
      name: 'outcomeNote',
      label: byLanguage('kaijiAdmin:objections:outcomeNote'),
      type: 'textarea',
      maxLength: MAX_NOTE_CHARS,
    },
    {
      name: 'closedBy',
      label: byLanguage('kaijiAdmin:objections:closedBy'),
      type: 'relationship',
      relationTo: 'users',
    },
    {
      name: 'closedAt',
      label: byLanguage('kaijiAdmin:objections:closedAt'),
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
