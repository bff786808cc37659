import type { NestedKeysStripped } from '@payloadcms/translations'

import { accessibilityStrings } from './areas/accessibility'
import { collectionsStrings } from './areas/collections'
import { messagesStrings } from './areas/messages'
import { notificationsStrings } from './areas/notifications'
import { objectionsStrings } from './areas/objections'
import { publishingStrings } from './areas/publishing'
import { recordsStrings } from './areas/records'
import { reviewQueueStrings } from './areas/reviewQueue'
import { reviewStrings } from './areas/review'
import { sourceTextStrings } from './areas/sourceText'
import { translationsStrings } from './areas/translations'
import { workflowStrings } from './areas/workflow'

/**
 * Kaiji's own admin strings, under one namespace beside Payload's: `t('kaijiAdmin:workflow:state:draft')`.
 * English and Japanese are complete. French and Russian get Payload's own language packs and
 * Kaiji's strings in English, since Payload's `t` shows a missing key as the key itself.
 */
const en = {
  kaijiAdmin: {
    workflow: workflowStrings.en,
    review: reviewStrings.en,
    sourceText: sourceTextStrings.en,
    reviewQueue: reviewQueueStrings.en,
    translations: translationsStrings.en,
    publishing: publishingStrings.en,
    collections: collectionsStrings.en,
    accessibility: accessibilityStrings.en,
    records: recordsStrings.en,
    messages: messagesStrings.en,
    notifications: notificationsStrings.en,
    objections: objectionsStrings.en,
  },
}

const ja: typeof en = {
  kaijiAdmin: {
    workflow: workflowStrings.ja,
    review: reviewStrings.ja,
    sourceText: sourceTextStrings.ja,
    reviewQueue: reviewQueueStrings.ja,
    translations: translationsStrings.ja,
    publishing: publishingStrings.ja,
    collections: collectionsStrings.ja,
    accessibility: accessibilityStrings.ja,
    records: recordsStrings.ja,
    messages: messagesStrings.ja,
    notifications: notificationsStrings.ja,
    objections: objectionsStrings.ja,
  },
}

export type AdminStrings = typeof en
export type AdminStringKey = NestedKeysStripped<AdminStrings>

export const ADMIN_LANGUAGES = ['ja', 'en', 'fr', 'ru'] as const
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number]

export const adminTranslations: Record<AdminLanguage, AdminStrings> = { en, ja, fr: en, ru: en }
