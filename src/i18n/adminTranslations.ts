import type { NestedKeysStripped } from '@payloadcms/translations'

import { workflowStrings } from './areas/workflow'

/**
 * Kaiji's own admin strings, under one namespace beside Payload's: `t('kaijiAdmin:workflow:state:draft')`.
 * English and Japanese are complete. French and Russian get Payload's own language packs and
 * Kaiji's strings in English, since Payload's `t` shows a missing key as the key itself.
 */
const en = {
  kaijiAdmin: {
    workflow: workflowStrings.en,
  },
}

const ja: typeof en = {
  kaijiAdmin: {
    workflow: workflowStrings.ja,
  },
}

export type AdminStrings = typeof en
export type AdminStringKey = NestedKeysStripped<AdminStrings>

export const ADMIN_LANGUAGES = ['ja', 'en', 'fr', 'ru'] as const
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number]

export const adminTranslations: Record<AdminLanguage, AdminStrings> = { en, ja, fr: en, ru: en }
