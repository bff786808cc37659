'use client'

import {
  Banner,
  Button,
  FieldLabel,
  Pill,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useLocale,
} from '@payloadcms/ui'
import { useCallback, useEffect, useId, useState } from 'react'

import type { FieldChange } from '@/diff/types'
import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import { FieldRedlines } from '@/ui/Redline'
import type { User } from '@/payload-types'
import type { AvailableAction } from '../availableActions'
import { TRANSITIONS } from '../transitions'
import { CONFIRM_SOURCE, type EndpointAction, type WorkflowState } from '../types'
import { actionLabel, fieldLabel, readableChange, refusalKey, stateLabel } from './reviewPanelText'

type HistoryEntry = {
  at: string
  actor: string
  action: string
  from: string | null
  to: string | null
  reason: string | null
}
type WorkflowView = {
  state: WorkflowState
  /** The hash of the working copy shown: actions send it back, so only this text is decided on. */
  contentHash: string
  youEditedSinceApproval: boolean
  /** What this user may do now, decided on the server by the workflow's one rule. */
  availableActions: AvailableAction[]
  changedSinceApproval: boolean
  approvedAt: string | null
  approvedBy: string | null
  lastAction: { action: string; by: string; at: string; reason: string | null } | null
  history: HistoryEntry[]
  /** The working copy against the approved content, word by word; every field new when never approved. */
  redline: FieldChange[]
  source: { stale: boolean; currentApprovedAt: string | null; changes: FieldChange[] } | null
}

const needsReason = (action: EndpointAction): boolean =>
  action === CONFIRM_SOURCE || TRANSITIONS[action].reasonRequired

const STATE_PILL: Record<WorkflowState, 'light-gray' | 'warning' | 'error' | 'success'> = {
  draft: 'light-gray',
  in_review: 'warning',
  changes_requested: 'error',
  approved: 'success',
  published: 'success',
}

const gap = 'calc(var(--base) / 2)'

/**
 * The Review panel: this locale's state, what changed since approval (word by word), the
 * submitter's note, only the actions this user may take, and the history.
 */
export const ReviewPanel = () => {
  const { id, collectionSlug, globalSlug, lastUpdateTime } = useDocumentInfo()
  const { code: locale } = useLocale()
  const { user } = useAuth<User>()
  const { t, formatDate } = useAdminTranslation()
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
  const ids = useId()

  const [view, setView] = useState<WorkflowView | null>(null)
  const [loadStatus, setLoadStatus] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!endpoint) return
    const response = await fetch(`${endpoint}?locale=${encodeURIComponent(locale)}`, {
      credentials: 'include',
    })
    setLoadStatus(response.ok ? null : response.status)
    if (response.ok) setView((await response.json()) as WorkflowView)
  }, [endpoint, locale])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  if (!endpoint) return null
  if (loadStatus !== null && !view)
    return <Banner type="error">{t('kaijiAdmin:review:loadFailed', { status: loadStatus })}</Banner>
  if (!view || !user)
    return (
      <div className="review-panel" role="status">
        {t('kaijiAdmin:review:loading')}
      </div>
    )

  const stale = view.source?.stale === true
  // Editing is the form itself; the panel offers the workflow's actions.
  const available = view.availableActions.filter(
    (action): action is EndpointAction => action !== 'edit',
  )
  const asksReason = available.some(needsReason)
  const asksNote = !asksReason && available.includes('submit')
  const neverApproved = view.approvedAt === null
  const submitterNote =
    view.state === 'in_review' && view.lastAction?.action === 'submit' && view.lastAction.reason
      ? view.lastAction
      : null
  const label = (field: string) => fieldLabel(t, field)

  const run = async (action: EndpointAction) => {
    setBusy(true)
    setMessage(null)
    const shown = view
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      // The hash of the text this panel showed: a save since then is refused, never decided unseen.
      body: JSON.stringify({
        action,
        locale,
        contentHash: shown.contentHash,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    }).catch(() => null)
    const body = response
      ? ((await response.json().catch(() => ({}))) as {
          errors?: Array<{ message: string; code?: string }>
        })
      : {}
    if (response?.ok) {
      setReason('')
      toast.success(t(`kaijiAdmin:review:done:${action}`))
    } else {
      const status = response?.status ?? 0
      const key = refusalKey({
        action,
        status,
        shownState: shown.state,
        youEditedSinceApproval: shown.youEditedSinceApproval,
        code: body.errors?.[0]?.code,
      })
      setMessage(
        key
          ? t(key)
          : (body.errors?.[0]?.message ?? t('kaijiAdmin:review:error:failed', { status })),
      )
    }
    setBusy(false)
    await load()
  }

  const textareaId = `${ids}-reason`
  const descriptionId = `${ids}-reason-description`
  const changesTitleId = `${ids}-changes`

  return (
    <section
      className="review-panel"
      data-testid="review-panel"
      aria-labelledby={`${ids}-title`}
      style={{ display: 'flex', flexDirection: 'column', gap, marginBottom: 'var(--base)' }}
    >
      <h3 id={`${ids}-title`} style={{ margin: 0 }}>
        {t('kaijiAdmin:review:title')}{' '}
        <span style={{ fontWeight: 'normal', fontSize: '0.8em' }}>
          ({t('kaijiAdmin:review:locale', { locale: locale.toUpperCase() })})
        </span>
      </h3>
      <div style={{ display: 'flex', alignItems: 'center', gap }}>
        <span>{t('kaijiAdmin:review:state')}</span>
        <Pill pillStyle={STATE_PILL[view.state]} size="small">
          <span data-testid="review-state">{stateLabel(t, view.state)}</span>
        </Pill>
      </div>
      {view.lastAction && (
        <p data-testid="review-last-action" style={{ margin: 0 }}>
          {t('kaijiAdmin:review:lastAction', {
            action: actionLabel(t, view.lastAction.action),
            actor: view.lastAction.by,
            date: formatDate(view.lastAction.at),
          })}
          {view.lastAction.reason && !submitterNote ? (
            <>
              {' — '}
              <em data-testid="review-last-reason">{view.lastAction.reason}</em>
            </>
          ) : null}
        </p>
      )}
      {submitterNote && (
        <Banner type="info">
          <strong>{t('kaijiAdmin:review:submitterNote', { actor: submitterNote.by })}</strong>
          <br />
          <span data-testid="review-submitter-note" style={{ whiteSpace: 'pre-wrap' }}>
            {submitterNote.reason}
          </span>
        </Banner>
      )}
      {stale && (
        <div data-testid="source-stale" role="status">
          <Banner type="warning">
            <strong>{t('kaijiAdmin:review:stale:title')}</strong>
            <br />
            {view.source?.currentApprovedAt
              ? t('kaijiAdmin:review:stale:approvedAt', {
                  date: formatDate(view.source.currentApprovedAt),
                })
              : t('kaijiAdmin:review:stale:notDated')}{' '}
            {t('kaijiAdmin:review:stale:whatToDo')}
          </Banner>
          <FieldRedlines
            testId="source-changes"
            changes={(view.source?.changes ?? []).map((change) => readableChange(t, change))}
            fieldLabel={label}
          />
        </div>
      )}
      <section aria-labelledby={changesTitleId} data-testid="review-changes">
        <h4 id={changesTitleId} style={{ margin: `0 0 ${gap}` }}>
          {t('kaijiAdmin:review:changes:title')}
        </h4>
        <p data-testid="review-changes-basis" style={{ margin: `0 0 ${gap}` }}>
          {neverApproved
            ? t('kaijiAdmin:review:changes:neverApproved')
            : view.redline.length === 0
              ? t('kaijiAdmin:review:changes:none')
              : t('kaijiAdmin:review:changes:against', { date: formatDate(view.approvedAt ?? '') })}
        </p>
        {view.redline.length > 0 && (
          <>
            <FieldRedlines
              testId="review-redline"
              changes={view.redline.map((change) => readableChange(t, change))}
              fieldLabel={label}
            />
            <p style={{ margin: 0, color: 'var(--theme-elevation-800)', fontSize: '0.85em' }}>
              {t('kaijiAdmin:review:changes:legend')}
            </p>
          </>
        )}
      </section>
      {view.youEditedSinceApproval && view.state === 'in_review' && (
        <Banner type="info">{t('kaijiAdmin:review:fourEyes')}</Banner>
      )}
      {available.length > 0 && (
        <>
          {(asksReason || asksNote) && (
            <div className="field-type textarea" style={{ marginBottom: 0 }}>
              <FieldLabel
                as="label"
                htmlFor={textareaId}
                label={t(
                  asksReason ? 'kaijiAdmin:review:reason:label' : 'kaijiAdmin:review:note:label',
                )}
              />
              <div className="field-type__wrap">
                <div className="textarea-outer">
                  <textarea
                    id={textareaId}
                    data-testid={asksReason ? 'review-reason' : 'review-note'}
                    aria-describedby={descriptionId}
                    rows={3}
                    style={{ ['--rows' as string]: 3 }}
                    maxLength={2000}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                  />
                </div>
                <div
                  id={descriptionId}
                  className="field-description"
                  style={{ marginTop: 'calc(var(--base) / 4)' }}
                >
                  {t(
                    asksReason
                      ? 'kaijiAdmin:review:reason:description'
                      : 'kaijiAdmin:review:note:description',
                  )}
                </div>
              </div>
            </div>
          )}
          <div style={{ display: 'flex', gap, flexWrap: 'wrap' }}>
            {available.map((action) => (
              <Button
                key={action}
                buttonStyle={action === 'approve' || action === 'submit' ? 'primary' : 'secondary'}
                size="medium"
                margin={false}
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
        <div role="alert" data-testid="review-error">
          <Banner type="error">{message}</Banner>
        </div>
      )}
      <details data-testid="review-history">
        <summary style={{ cursor: 'pointer' }}>{t('kaijiAdmin:review:history:title')}</summary>
        {view.history.length === 0 ? (
          <p>{t('kaijiAdmin:review:history:empty')}</p>
        ) : (
          <ol style={{ paddingInlineStart: 'var(--base)', margin: `${gap} 0 0` }}>
            {view.history.map((entry) => (
              <li key={`${entry.at}-${entry.action}`} style={{ marginBottom: gap }}>
                <time dateTime={entry.at}>{formatDate(entry.at)}</time>
                <br />
                {t('kaijiAdmin:review:history:entry', {
                  action: actionLabel(t, entry.action),
                  actor: entry.actor,
                })}
                {entry.from !== entry.to && (entry.from || entry.to) ? (
                  <>
                    {' ('}
                    {t('kaijiAdmin:review:history:stateChange', {
                      from: stateLabel(t, entry.from),
                      to: stateLabel(t, entry.to),
                    })}
                    {')'}
                  </>
                ) : null}
                {entry.reason ? (
                  <>
                    <br />
                    <span data-testid="review-history-reason" style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.reason}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  )
}
