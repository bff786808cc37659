'use client'

import { Banner, Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import type { AdminStringKey } from '@/i18n/adminTranslations'
import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { OBJECTION_OUTCOMES } from '@/subscriptions/objections/objectionRules'
import { postJson } from './postJson'

type Stored = { status: 'open' | 'closed'; outcome: string | null }

/** In an objection's sidebar: its outcome once closed, else the form a reviewer closes it with. */
export const CloseObjection = () => {
  const { id } = useDocumentInfo()
  const { t } = useAdminTranslation()
  const router = useRouter()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [stored, setStored] = useState<Stored | null>(null)
  const [outcome, setOutcome] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`${api}/objections/${id}?depth=0`, { credentials: 'include' })
    if (response.ok) setStored((await response.json()) as Stored)
  }, [api, id])
  useEffect(() => {
    void load()
  }, [load])

  if (!stored) return null
  const outcomeLabel = (value: string) =>
    t(`kaijiAdmin:objections:outcomes:${value}` as AdminStringKey)
  if (stored.status === 'closed')
    return (
      <p className="kaiji-objection-closed">
        {t('kaijiAdmin:objections:close:closed', { outcome: outcomeLabel(stored.outcome ?? '') })}
      </p>
    )

  const close = async () => {
    setBusy(true)
    setError(null)
    const closed = await postJson(`${api}/objections/${id}/close`, { outcome, note })
    setBusy(false)
    if (!closed.ok) {
      setError(closed.message)
      return
    }
    await load()
    router.refresh()
  }

  return (
    <section aria-labelledby="kaiji-close-objection" style={{ marginBottom: '1.5rem' }}>
      <h3 id="kaiji-close-objection">{t('kaijiAdmin:objections:close:heading')}</h3>
      {error ? <Banner type="error">{error}</Banner> : null}
      <div style={{ display: 'grid', gap: '.5rem' }}>
        <label htmlFor="kaiji-objection-outcome">{t('kaijiAdmin:objections:close:outcome')}</label>
        <select
          id="kaiji-objection-outcome"
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
        >
          <option value="">—</option>
          {OBJECTION_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {outcomeLabel(value)}
            </option>
          ))}
        </select>
        <label htmlFor="kaiji-objection-note">{t('kaijiAdmin:objections:close:note')}</label>
        <textarea
          id="kaiji-objection-note"
          rows={4}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <Button disabled={busy || !outcome} onClick={() => void close()}>
          {t('kaijiAdmin:objections:close:submit')}
        </Button>
      </div>
    </section>
  )
}
