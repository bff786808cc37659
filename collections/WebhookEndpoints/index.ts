import { randomBytes } from 'node:crypto'

import type {
  CollectionBeforeValidateHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { refuseMalformedWrite } from '../hooks/refuseMalformedWrite'
import { keepSavedTitle } from '../keepSavedTitle'
import { LOCALES } from '@/config/locales'
import { settings } from '@/config/settings'
import { WEBHOOK_EVENTS } from '@/webhooks/events'
import { systemLookup } from '@/webhooks/sendWebhook'
import { checkWebhookUrl } from '@/webhooks/targetAddress'

const MIN_SECRET_LENGTH = 32

/** An endpoint saved without a secret gets a strong random one; the receiver copies it from here. */
const generateMissingSecret: CollectionBeforeValidateHook = ({ data }) => {
  if (data && !data.secret) data.secret = randomBytes(32).toString('hex')
  return data
}

/**
 * Checked on save (REST, GraphQL, the admin) and again by the dispatcher before each attempt. While
 * the admin form is being typed in, only what the URL itself says is checked; the name is resolved on save.
 */
const validateUrl: TextFieldSingleValidation = async (value, { event }) => {
  const check = await checkWebhookUrl(value, {
    allowPrivate: settings().webhooks.allowPrivate,
    lookup: event === 'onChange' ? null : systemLookup,
  })
  return check.ok ? true : check.problem
}

/** Sites to notify when a release is published or takes effect. Admins only, through every API. */
export const WebhookEndpoints: CollectionConfig<'webhook-endpoints'> = {
  slug: 'webhook-endpoints',
  labels: { singular: 'Webhook endpoint', plural: 'Webhook endpoints' },
  admin: {
    components: keepSavedTitle,
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active'],
    group: 'Publishing',
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeOperation: [refuseMalformedWrite()], beforeValidate: [generateMissingSecret] },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'url', type: 'text', required: true, validate: validateUrl },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: MIN_SECRET_LENGTH,
      admin: {
        description:
          'Each delivery carries X-Kaiji-Signature: sha256=HMAC-SHA256(secret, raw body) in hex. Leave empty to generate one.',
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: [...WEBHOOK_EVENTS],
      defaultValue: [...WEBHOOK_EVENTS],
    },
    {
      // Not `locales`: that name collides with the SQLite adapter's `_locales` tables.
      name: 'forLocales',
      label: 'Locales',
      type: 'select',
      hasMany: true,
      options: [...LOCALES],
      admin: { description: 'Only releases of these locales; empty for all.' },
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
