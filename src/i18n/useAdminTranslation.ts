'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useCallback } from 'react'

import type { AdminStringKey, AdminStrings } from './adminTranslations'
import { formatAdminDate, type AdminCustomConfig } from './adminDates'

/**
 * Payload's translation hook, typed with Kaiji's keys, and a date formatter in the user's language
 * and the configured time zone.
 */
export const useAdminTranslation = () => {
  const { i18n, t } = useTranslation<AdminStrings, AdminStringKey>()
  const { config } = useConfig()
  const timeZone = (config.admin.custom as AdminCustomConfig | undefined)?.timeZone ?? 'UTC'
  const formatDate = useCallback(
    (value: string | Date, style: 'dateTime' | 'date' = 'dateTime') =>
      formatAdminDate(value, i18n.language, timeZone, style),
    [i18n.language, timeZone],
  )
  return { i18n, t, formatDate, timeZone }
}
