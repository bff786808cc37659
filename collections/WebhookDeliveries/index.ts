import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { WEBHOOK_EVENTS } from '@/webhooks/events'

/** `refused`: the target was not allowed when the delivery was due (see KAIJI_WEBHOOK_ALLOW_PRIVATE); nothing was sent. */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed', 'refused'] as const

/** One row per (event, release, endpoint), with every attempt logged. Written only by the dispatcher. */
export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
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
    group: 'Publishing',
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    // Unique: when several processes notice the same scheduled release, only one delivers it.
    { name: 'dedupeKey', type: 'text', required: true, unique: true },
    { name: 'endpoint', type: 'relationship', relationTo: 'webhook-endpoints', required: true },
    { name: 'event', type: 'select', required: true, options: [...WEBHOOK_EVENTS] },
    { name: 'locale', type: 'text', required: true },
    { name: 'releaseNumber', type: 'number', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [...DELIVERY_STATUSES],
      defaultValue: 'pending',
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
    { name: 'body', type: 'textarea', required: true },
    { name: 'log', type: 'json' },
  ],
}
