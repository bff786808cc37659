'use client'

import { Banner, Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { postJson } from './postJson'

/** In a failed or refused outbox message's sidebar: send it again (POST …/redeliver, admins only). */
export const RedeliverMessage = () => {
  const { id } = useDocumentInfo()
  const { t } = useAdminTranslation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const status = useFormFields(([fields]) => fields.status?.value)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [queued, setQueued] = useState(false)

  if (status !== 'failed' && status !== 'refused' && !queued) return null

  const redeliver = async () => {
    setBusy(true)
    setError(null)
    const outcome = await postJson(`${api}/outbox-messages/${id}/redeliver`, {})
    setBusy(false)
    if (!outcome.ok) {
      setError(outcome.message)
      return
    }
    // No refresh: the message stays until the admin reloads, which then shows the new attempt.
    setQueued(true)
  }

  return (
    <section aria-labelledby="kaiji-redeliver" style={{ marginBottom: '1.5rem' }}>
      <h3 id="kaiji-redeliver">{t('kaijiAdmin:records:outboxMessages:redeliverHeading')}</h3>
      {error ? <Banner type="error">{error}</Banner> : null}
      {queued ? (
        <p role="status">{t('kaijiAdmin:records:outboxMessages:redelivered')}</p>
      ) : (
        <Button disabled={busy} onClick={() => void redeliver()}>
          {t('kaijiAdmin:records:outboxMessages:redeliver')}
        </Button>
      )}
    </section>
  )
}
