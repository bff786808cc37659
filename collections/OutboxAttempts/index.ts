import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { byLanguage } from '@/i18n/byLanguage'
import { ATTEMPT_OUTCOMES } from '@/outbox/types'

/**
 * One row per delivery attempt. Its unique key (message and attempt number) is also the claim: of two
 * processes that try to make the same attempt, one insert fails, so only one sends.
 */
export const OutboxAttempts: CollectionConfig<'outbox-attempts'> = {
  slug: 'outbox-attempts',
  labels: {
    singular: byLanguage('kaijiAdmin:records:outboxAttempts:singular'),
    plural: byLanguage('kaijiAdmin:records:outboxAttempts:plural'),
  },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['message', 'attempt', 'outcome', 'response', 'startedAt'],
    group: byLanguage('kaijiAdmin:records:group:publishing'),
  },
  defaultSort: '-startedAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'key',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:key'),
      type: 'text',
      required: true,
      unique: true,
    },
    {
      name: 'message',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:message'),
      type: 'relationship',
      relationTo: 'outbox-messages',
      required: true,
      index: true,
    },
    {
      name: 'attempt',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:attempt'),
      type: 'number',
      required: true,
    },
    {
      name: 'worker',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:worker'),
      type: 'text',
      required: true,
    },
    {
      name: 'outcome',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:outcome'),
      type: 'select',
      required: true,
      defaultValue: 'unknown',
      options: ATTEMPT_OUTCOMES.map((outcome) => ({
        value: outcome,
        label: byLanguage(`kaijiAdmin:records:attemptOutcome:${outcome}`),
      })),
    },
    {
      name: 'response',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:response'),
      type: 'text',
    },
    {
      name: 'error',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:error'),
      type: 'text',
    },
    {
      name: 'startedAt',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:startedAt'),
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'durationMs',
      label: byLanguage('kaijiAdmin:records:outboxAttempts:durationMs'),
      type: 'number',
    },
  ],
}
