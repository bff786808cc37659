import type { CollectionAfterDeleteHook, CollectionConfig, PayloadHandler, Where } from 'payload'

import { hasRole } from '@/access/roles'
import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { LOCALES } from '@/config/locales'
import { byLanguage } from '@/i18n/byLanguage'
import type { Subscriber } from '@/payload-types'
import { subscribersCsv } from '@/subscriptions/subscribersCsv'
import { SUBSCRIPTION_SCOPES } from '@/subscriptions/subscriptionTerms'

const system = { overrideAccess: true, depth: 0 } as const

/** Erasing a subscriber erases what was queued or sent to that address for that language (or in all, when it was their last). */
const eraseTheirMessages: CollectionAfterDeleteHook<Subscriber> = async ({ doc, req }) => {
  const { totalDocs: otherSubscriptions } = await req.payload.count({
    collection: 'subscribers',
    where: { email: { equals: doc.email } },
    req,
    ...system,
  })
  const where: Where =
    otherSubscriptions > 0
      ? { and: [{ recipient: { equals: doc.email } }, { locale: { equals: doc.locale } }] }
      : { recipient: { equals: doc.email } }
  const { docs: messages } = await req.payload.find({
    collection: 'outbox-messages',
    where,
    limit: 0,
    pagination: false,
    select: {},
    req,
    ...system,
  })
  const ids = messages.map((message) => message.id)
  if (ids.length) {
    await req.payload.delete({
      collection: 'outbox-attempts',
      where: { message: { in: ids } },
      req,
      ...system,
    })
    await req.payload.delete({
      collection: 'outbox-messages',
      where: { id: { in: ids } },
      req,
      ...system,
    })
  }
  await req.payload.delete({
    collection: 'subscription-requests',
    where: { and: [{ email: { equals: doc.email } }, { locale: { equals: doc.locale } }] },
    req,
    ...system,
  })
  return doc
}

const exportCsv: PayloadHandler = async (req) => {
  if (!hasRole(req.user, 'admin'))
    return Response.json(
      { errors: [{ message: 'Only admins may export subscribers.' }] },
      { status: req.user ? 403 : 401 },
    )
  const { docs } = await req.payload.find({
    collection: 'subscribers',
    sort: 'createdAt',
    limit: 0,
    pagination: false,
    req,
    ...system,
  })
  return new Response(subscribersCsv(docs), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="subscribers.csv"',
      'Cache-Control': 'no-store',
    },
  })
}

/**
 * People told of changes by email: personal data, so only what notices need and what proves consent.
 * Only the confirmation flow (src/subscriptions) writes them; admins read, export and erase them.
 */
export const Subscribers: CollectionConfig<'subscribers'> = {
  slug: 'subscribers',
  labels: {
    singular: byLanguage('kaijiAdmin:records:subscribers:singular'),
    plural: byLanguage('kaijiAdmin:records:subscribers:plural'),
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'locale', 'scope', 'confirmedAt'],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  defaultSort: '-confirmedAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  endpoints: [{ path: '/export.csv', method: 'get', handler: exportCsv }],
  hooks: { afterDelete: [eraseTheirMessages] },
  indexes: [{ fields: ['email', 'locale'], unique: true }],
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
    {
      name: 'confirmedAt',
      label: byLanguage('kaijiAdmin:records:subscribers:confirmedAt'),
      type: 'date',
      required: true,
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
