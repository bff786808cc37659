import { randomBytes } from 'node:crypto'

import type {
  CollectionBeforeValidateHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { byLanguage } from '@/i18n/byLanguage'
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
  labels: {
    singular: byLanguage('kaijiAdmin:records:webhookEndpoints:singular'),
    plural: byLanguage('kaijiAdmin:records:webhookEndpoints:plural'),
  },
  admin: {
    components: keepSavedTitle,
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active'],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeOperation: [refuseMalformedWrite()], beforeValidate: [generateMissingSecret] },
  fields: [
    {
      name: 'name',
      label: byLanguage('kaijiAdmin:records:webhookEndpoints:name'),
      type: 'text',
      required: true,
    },
    {
      name: 'url',
      label: byLanguage('kaijiAdmin:records:webhookEndpoints:url'),
      type: 'text',
      required: true,
      validate: validateUrl,
    },
    {
      name: 'secret',
      label: byLanguage('kaijiAdmin:records:webhookEndpoints:secret'),
      type: 'text',
      required: true,
      minLength: MIN_SECRET_LENGTH,
      admin: {
        description: byLanguage('kaijiAdmin:records:webhookEndpoints:secretDescription'),
      },
    },
    {
      name: 'events',
      label: byLanguage('kaijiAdmin:records:webhookEndpoints:events'),
      type: 'select',
      hasMany: true,
      required: true,
      options: WEBHOOK_EVENTS.map((event) => ({
        value: event,
        label: byLanguage(`kaijiAdmin:records:webhookEvent:${event}`),
      })),
      defaultValue: [...WEBHOOK_EVENTS],
    },
    {
      // Not `locales`: that name collides with the SQLite adapter's `_locales` tables.
      name: 'forLocales',
      label: byLanguage('kaijiAdmin:records:webhookEndpoints:forLocales'),
      type: 'select',
      hasMany: true,
      options: LOCALES.map((locale) => ({
        value: locale,
        label: byLanguage(`kaijiAdmin:collections:localeName:${locale}`),
      })),
      admin: {
        description: byLanguage('kaijiAdmin:records:webhookEndpoints:forLocalesDescription'),
      },
    },
    {
      name: 'active',
      label: byLanguage('kaijiAdmin:records:webhookEndpoints:active'),
      type: 'checkbox',
      defaultValue: true,
    },
  ],
}
