import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { byLanguage } from '@/i18n/byLanguage'
import { WEBHOOK_EVENTS } from '@/webhooks/events'

/** `refused`: the target was not allowed when the delivery was due (see KAIJI_WEBHOOK_ALLOW_PRIVATE); nothing was sent. */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed', 'refused'] as const

/** One row per (event, release, endpoint), with every attempt logged. Written only by the dispatcher. */
export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  labels: {
    singular: byLanguage('kaijiAdmin:records:webhookDeliveries:singular'),
    plural: byLanguage('kaijiAdmin:records:webhookDeliveries:plural'),
  },
  admin: {
    useAsTitle: 'dedupeKey',
    defaultColumns: [
      'event',
      'locale',
      'releaseNumber',
      'endpoint',
      'status',
      'attempts',
      'updatedAt',
    ],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    // Unique: when several processes notice the same scheduled release, only one delivers it.
    {
      name: 'dedupeKey',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:dedupeKey'),
      type: 'text',
      required: true,
      unique: true,
    },
    {
      name: 'endpoint',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:endpoint'),
      type: 'relationship',
      relationTo: 'webhook-endpoints',
      required: true,
    },
    {
      name: 'event',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:event'),
      type: 'select',
      required: true,
      options: WEBHOOK_EVENTS.map((event) => ({
        value: event,
        label: byLanguage(`kaijiAdmin:records:webhookEvent:${event}`),
      })),
    },
    {
      name: 'locale',
      label: byLanguage('kaijiAdmin:records:language'),
      type: 'text',
      required: true,
    },
    {
      name: 'releaseNumber',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:releaseNumber'),
      type: 'number',
      required: true,
    },
    {
      name: 'status',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:status'),
      type: 'select',
      required: true,
      options: DELIVERY_STATUSES.map((status) => ({
        value: status,
        label: byLanguage(`kaijiAdmin:records:deliveryStatus:${status}`),
      })),
      defaultValue: 'pending',
    },
    {
      name: 'attempts',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:attempts'),
      type: 'number',
      required: true,
      defaultValue: 0,
    },
    {
      name: 'body',
      label: byLanguage('kaijiAdmin:records:webhookDeliveries:body'),
      type: 'textarea',
      required: true,
    },
    { name: 'log', label: byLanguage('kaijiAdmin:records:webhookDeliveries:log'), type: 'json' },
  ],
}
