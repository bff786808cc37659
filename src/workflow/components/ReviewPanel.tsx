'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useLocale } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { FieldRedlines } from '@/ui/Redline'
import type { User } from '@/payload-types'
import type { AvailableAction } from '../availableActions'
import { TRANSITIONS } from '../transitions'
import { CONFIRM_SOURCE, type EndpointAction, type WorkflowState } from '../types'

type HistoryEntry = {
  at: string
  actor: string
  action: string
  from: string | null
  to: string | null
  reason: string | null
}
type SourceChange = {
  field: string
  changes: Array<{ kind: 'equal' | 'insert' | 'delete'; text: string }>
}
type WorkflowView = {
  state: WorkflowState
  youEditedSinceApproval: boolean
  /** What this user may do now, decided on the server by the workflow's one rule. */
  availableActions: AvailableAction[]
  changedSinceApproval: boolean
  approvedAt: string | null
  approvedBy: string | null
  lastAction: { action: string; by: string; at: string; reason: string | null } | null
  history: HistoryEntry[]
  source: { stale: boolean; currentApprovedAt: string | null; changes: SourceChange[] } | null
}

const needsReason = (action: EndpointAction): boolean =>
  action === CONFIRM_SOURCE || TRANSITIONS[action].reasonRequired

/** The Review panel: this locale's state, who did what last, and only the actions this user may take. */
export const ReviewPanel = () => {
  const { id, collectionSlug, globalSlug, lastUpdateTime } = useDocumentInfo()
  const { code: locale } = useLocale()
  const { user } = useAuth<User>()
  const { t } = useAdminTranslation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const endpoint = globalSlug
    ? `${api}/globals/${globalSlug}/workflow`
    : id
      ? `${api}/${collectionSlug}/${id}/workflow`
      : null

  const [view, setView] = useState<WorkflowView | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!endpoint) return
    const response = await fetch(`${endpoint}?locale=${encodeURIComponent(locale)}`, {
      credentials: 'include',
    })
    if (response.ok) setView((await response.json()) as WorkflowView)
  }, [endpoint, locale])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  if (!endpoint) return null
  if (!view || !user) return <div className="review-panel">Loading review state…</div>

  const stale = view.source?.stale === true
  // Editing is the form itself; the panel offers the workflow's actions.
  const available = view.availableActions.filter(
    (action): action is EndpointAction => action !== 'edit',
  )

  const run = async (action: EndpointAction) => {
    setBusy(true)
    setMessage(null)
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, locale, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    })
    const body = (await response.json().catch(() => ({}))) as {
      errors?: Array<{ message: string }>
    }
    if (!response.ok)
      setMessage(body.errors?.[0]?.message ?? `The ${action} failed (${response.status}).`)
    else setReason('')
    setBusy(false)
    await load()
  }

  return (
    <div
      className="review-panel"
      data-testid="review-panel"
      style={{ marginBottom: 'var(--base)' }}
    >
      <h4 style={{ margin: 0 }}>Review ({locale})</h4>
      <p>
        State:{' '}
        <strong data-testid="review-state">{t(`kaijiAdmin:workflow:state:${view.state}`)}</strong>
      </p>
      {view.lastAction && (
        <p data-testid="review-last-action">
          Last: {view.lastAction.action} by {view.lastAction.by} on{' '}
          {new Date(view.lastAction.at).toLocaleString()}
          {view.lastAction.reason ? (
            <>
              {' — '}
              <em data-testid="review-last-reason">{view.lastAction.reason}</em>
            </>
          ) : null}
        </p>
      )}
      {stale && (
        <div
          data-testid="source-stale"
          role="status"
          style={{ borderLeft: '3px solid var(--theme-warning-500)', paddingLeft: '0.5rem' }}
        >
          <p>
            <strong>Stale:</strong> the Japanese source was changed
            {view.source?.currentApprovedAt
              ? ` (approved ${new Date(view.source.currentApprovedAt).toLocaleString()})`
              : ''}{' '}
            since this translation was submitted. Update and resubmit it, or a reviewer confirms the
            change does not affect it.
          </p>
          <FieldRedlines
            testId="source-changes"
            changes={view.source?.changes ?? []}
            fieldLabel={(field) => field}
          />
        </div>
      )}
      {view.youEditedSinceApproval && view.state === 'in_review' && (
        <p>You changed this content since its last approval, so someone else must approve it.</p>
      )}
      {available.length > 0 && (
        <>
          {available.some(needsReason) && (
            <label style={{ display: 'block' }}>
              Reason (required to request changes or confirm a source change)
              <textarea
                data-testid="review-reason"
                rows={3}
                style={{ width: '100%' }}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
          )}
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            {available.map((action) => (
              <Button
                key={action}
                buttonStyle={action === 'approve' || action === 'submit' ? 'primary' : 'secondary'}
                size="small"
                disabled={busy || (needsReason(action) && !reason.trim())}
                onClick={() => void run(action)}
                id={`review-action-${action}`}
              >
                {t(`kaijiAdmin:workflow:action:${action}`)}
              </Button>
            ))}
          </div>
        </>
      )}
      {message && (
        <p role="alert" data-testid="review-error" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      )}
      <details>
        <summary>History</summary>
        <ol>
          {view.history.map((entry) => (
            <li key={`${entry.at}-${entry.action}`}>
              {new Date(entry.at).toLocaleString()}: {entry.action} by {entry.actor} (
              {entry.from ?? '—'} → {entry.to ?? '—'}){entry.reason ? `: ${entry.reason}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </div>
  )
}
