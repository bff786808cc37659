'use client'

import { useConfig, useDocumentInfo, useLocale } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { SOURCE_LOCALE } from '@/config/locales'
import type { FieldChange } from '@/diff/types'
import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { Redline } from '@/ui/Redline'
import type { SourceFieldText } from '../sourceText'

type SourceTextView = {
  approvedAt: string | null
  fields: SourceFieldText[]
  stale: boolean
  changes: FieldChange[]
}

// Every translatable field of a form shows its source: one request per document and locale, not one per field.
const loads = new Map<string, { at: number; view: Promise<SourceTextView | null> }>()
const REUSE_MS = 2_000

const loadSourceText = (url: string): Promise<SourceTextView | null> => {
  const recent = loads.get(url)
  if (recent && Date.now() - recent.at < REUSE_MS) return recent.view
  const view = fetch(url, { credentials: 'include' })
    .then((response) => (response.ok ? (response.json() as Promise<SourceTextView>) : null))
    .catch(() => null)
  loads.set(url, { at: Date.now(), view })
  return view
}

/**
 * Above a translatable field, in a translation: the approved Japanese text of that field, read-only,
 * and the source's redline when the Japanese changed since the translation was submitted.
 */
export const SourceText = ({ sourceField }: { sourceField: string }) => {
  const { id, collectionSlug, globalSlug, lastUpdateTime } = useDocumentInfo()
  const { code: locale } = useLocale()
  const { t, formatDate } = useAdminTranslation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const endpoint = globalSlug
    ? `${api}/globals/${globalSlug}/source-text`
    : id
      ? `${api}/${collectionSlug}/${id}/source-text`
      : null
  const url =
    endpoint && locale !== SOURCE_LOCALE ? `${endpoint}?locale=${encodeURIComponent(locale)}` : null
  const [view, setView] = useState<SourceTextView | null>(null)

  useEffect(() => {
    let current = true
    if (!url) return
    void loadSourceText(url).then((loaded) => {
      if (current) setView(loaded)
    })
    return () => {
      current = false
    }
  }, [url, lastUpdateTime])

  if (!url || !view) return null
  const text = view.fields.find((field) => field.field === sourceField)?.text ?? null
  const changes = view.stale
    ? (view.changes.find((change) => change.field === sourceField)?.changes ?? [])
    : []

  return (
    <div
      className="kaiji-source-text"
      data-testid={`source-text-${sourceField}`}
      style={{
        borderInlineStart: '3px solid var(--theme-elevation-400)',
        background: 'var(--theme-elevation-50)',
        padding: 'calc(var(--base) / 3) calc(var(--base) / 2)',
        marginBottom: 'calc(var(--base) / 3)',
      }}
    >
      <div style={{ fontSize: '0.85em', color: 'var(--theme-elevation-800)' }}>
        {view.approvedAt
          ? t('kaijiAdmin:sourceText:heading', { date: formatDate(view.approvedAt) })
          : t('kaijiAdmin:sourceText:headingNotApproved')}
      </div>
      <div lang={SOURCE_LOCALE} data-testid="source-text-value" style={{ whiteSpace: 'pre-wrap' }}>
        {text ?? (
          <em style={{ color: 'var(--theme-elevation-800)' }}>
            {t('kaijiAdmin:sourceText:empty')}
          </em>
        )}
      </div>
      {changes.length > 0 && (
        <div data-testid="source-text-redline" style={{ marginTop: 'calc(var(--base) / 3)' }}>
          <div style={{ fontSize: '0.85em', color: 'var(--theme-warning-800)' }}>
            {t('kaijiAdmin:sourceText:changedSinceSubmitted')}
          </div>
          <div lang={SOURCE_LOCALE}>
            <Redline changes={changes} />
          </div>
        </div>
      )}
    </div>
  )
}
