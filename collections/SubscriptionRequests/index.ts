import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { LOCALES } from '@/config/locales'
import { byLanguage } from '@/i18n/byLanguage'
import { SUBSCRIPTION_SCOPES } from '@/subscriptions/subscriptionTerms'

/**
 * Subscriptions asked for and not yet confirmed: kept apart from subscribers, which hold only
 * confirmed consent, and purged a week after they were asked for. Only the hash of the link's token is kept.
 */
export const SubscriptionRequests: CollectionConfig<'subscription-requests'> = {
  slug: 'subscription-requests',
  labels: {
    singular: byLanguage('kaijiAdmin:records:subscriptionRequests:singular'),
    plural: byLanguage('kaijiAdmin:records:subscriptionRequests:plural'),
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'locale', 'scope', 'expiresAt'],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    {
      name: 'email',
      label: byLanguage('kaijiAdmin:records:subscribers:email'),
      type: 'email',
      required: true,
      index: true,
    },
    {
      name: 'locale',
      label: byLanguage('kaijiAdmin:records:language'),
      type: 'select',
      required: true,
      options: [...LOCALES],
    },
    {
      name: 'scope',
      label: byLanguage('kaijiAdmin:records:subscribers:scope'),
      type: 'select',
      required: true,
      options: SUBSCRIPTION_SCOPES.map((scope) => ({
        value: scope,
        label: byLanguage(`kaijiAdmin:records:subscriptionScope:${scope}`),
      })),
    },
    { name: 'tokenHash', type: 'text', required: true, unique: true, admin: { hidden: true } },
    {
      name: 'expiresAt',
      label: byLanguage('kaijiAdmin:records:subscriptionRequests:expiresAt'),
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'consentVersion',
      label: byLanguage('kaijiAdmin:records:subscribers:consentVersion'),
      type: 'text',
      required: true,
    },
  ],
}
