'use client'

import { useConfig, useDocumentInfo, useDocumentTitle, useTranslation } from '@payloadcms/ui'
import { formatDocTitle } from '@payloadcms/ui/shared'
import type { ClientCollectionConfig } from 'payload'
import { useEffect } from 'react'

/**
 * Payload titles an edit view (header and breadcrumb) from the title field as it is typed, so after a
 * refused save the header named a title that was never stored. This keeps the title of the saved
 * document: Payload's DocumentInfo updates its data only when a save succeeds.
 */
export const KeepSavedTitle = () => {
  const { id, collectionSlug, docConfig, savedDocumentData } = useDocumentInfo()
  const { title, setDocumentTitle } = useDocumentTitle()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const saved = collectionSlug
    ? formatDocTitle({
        collectionConfig: docConfig as ClientCollectionConfig,
        data: { ...savedDocumentData, id: id ?? '' },
        dateFormat: config.admin.dateFormat,
        fallback: id?.toString(),
        i18n,
      })
    : title
  useEffect(() => {
    if (title !== saved) setDocumentTitle(saved)
  }, [title, saved, setDocumentTitle])
  return null
}
