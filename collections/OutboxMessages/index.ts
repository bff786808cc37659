import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { byLanguage } from '@/i18n/byLanguage'
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from '@/outbox/types'
import { redeliverEndpoint } from './redeliver'

/**
 * Every email and webhook Kaiji sends: one row per (cause, recipient), written in the same transaction
 * as what caused it and delivered by the outbox worker (src/outbox/worker.ts). Admins read them; only
 * the worker and the redeliver action change them. Messages may hold a subscriber's address, so
 * erasing a subscriber erases their messages too.
 */
export const OutboxMessages: CollectionConfig<'outbox-messages'> = {
  slug: 'outbox-messages',
  labels: {
    singular: byLanguage('kaijiAdmin:records:outboxMessages:singular'),
    plural: byLanguage('kaijiAdmin:records:outboxMessages:plural'),
  },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['channel', 'topic', 'recipient', 'status', 'attempts', 'updatedAt'],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  endpoints: [redeliverEndpoint],
  fields: [
    {
      name: 'redeliver',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/components/RedeliverMessage#RedeliverMessage' },
      },
    },
    // Unique: two processes that queue the same delivery (a release taking effect) make one row.
    {
      name: 'key',
      label: byLanguage('kaijiAdmin:records:outboxMessages:key'),
      type: 'text',
      required: true,
      unique: true,
    },
    {
      name: 'channel',
      label: byLanguage('kaijiAdmin:records:outboxMessages:channel'),
      type: 'select',
      required: true,
      options: OUTBOX_CHANNELS.map((channel) => ({
        value: channel,
        label: byLanguage(`kaijiAdmin:records:outboxChannel:${channel}`),
      })),
    },
    {
      name: 'topic',
      label: byLanguage('kaijiAdmin:records:outboxMessages:topic'),
      type: 'text',
      required: true,
    },
    {
      name: 'recipient',
      label: byLanguage('kaijiAdmin:records:outboxMessages:recipient'),
      type: 'text',
      required: true,
      index: true,
    },
    {
      name: 'endpoint',
      label: byLanguage('kaijiAdmin:records:outboxMessages:endpoint'),
      type: 'relationship',
      relationTo: 'webhook-endpoints',
    },
    { name: 'locale', label: byLanguage('kaijiAdmin:records:language'), type: 'text' },
    {
      name: 'releaseNumber',
      label: byLanguage('kaijiAdmin:records:outboxMessages:releaseNumber'),
      type: 'number',
    },
    {
      name: 'status',
      label: byLanguage('kaijiAdmin:records:outboxMessages:status'),
      type: 'select',
      required: true,
      index: true,
      options: OUTBOX_STATUSES.map((status) => ({
        value: status,
        label: byLanguage(`kaijiAdmin:records:deliveryStatus:${status}`),
      })),
      defaultValue: 'pending',
    },
    {
      name: 'attempts',
      label: byLanguage('kaijiAdmin:records:outboxMessages:attempts'),
      type: 'number',
      required: true,
      defaultValue: 0,
    },
    {
      name: 'nextAttemptAt',
      label: byLanguage('kaijiAdmin:records:outboxMessages:nextAttemptAt'),
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'deliveredAt',
      label: byLanguage('kaijiAdmin:records:outboxMessages:deliveredAt'),
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'lastError',
      label: byLanguage('kaijiAdmin:records:outboxMessages:lastError'),
      type: 'text',
    },
    {
      name: 'content',
      label: byLanguage('kaijiAdmin:records:outboxMessages:content'),
      type: 'json',
      required: true,
    },
    {
      name: 'attemptLog',
      label: byLanguage('kaijiAdmin:records:outboxMessages:attemptLog'),
      type: 'join',
      collection: 'outbox-attempts',
      on: 'message',
      defaultSort: 'attempt',
      defaultLimit: 50,
    },
  ],
}
