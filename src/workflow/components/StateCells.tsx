'use client'

import { Pill } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { stateLabel } from '@/i18n/recordLabels'

/** A list's review-state column: the state's name in the user's language, not its stored code. */
export const ReviewStateCell = ({ cellData }: DefaultCellComponentProps) => {
  const { t } = useAdminTranslation()
  return typeof cellData === 'string' ? <span>{stateLabel(t, cellData)}</span> : null
}

/** A list's source column, for translations: whether they still translate the approved Japanese text. */
export const SourceStateCell = ({ cellData }: DefaultCellComponentProps) => {
  const { t } = useAdminTranslation()
  if (typeof cellData !== 'string') return null
  return cellData === 'stale' ? (
    <Pill pillStyle="warning" size="small">
      {t('kaijiAdmin:workflow:sourceState:stale')}
    </Pill>
  ) : (
    <span>{t('kaijiAdmin:workflow:sourceState:current')}</span>
  )
}
