'use client'

import {
  Banner,
  Button,
  ConfirmationModal,
  DatePicker,
  SelectInput,
  TextareaInput,
  toast,
  useConfig,
  useLocale,
  useModal,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'

import { useAccessibleSelects } from '@/ui/useAccessibleSelects'
import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import type { ReleaseDiff } from '@/releases/types'
import { startOfNextDayIn } from './publishPanel/dayStart'
import { ReleaseProspect, ReleaseRedline } from './publishPanel/ReleaseProspect'
import type { Prospect, Refusal } from './publishPanel/types'

type ReleaseSummary = {
  number: number
  summary: string
  changeType: 'editorial' | 'material'
  effectiveAt: string
  sourceReleaseNumber?: number | null
  status?: string
  /** Reviewers and admins only. */
  objections?: { open: number; total: number }
}
type Status = {
  locale: string
  canPublish: boolean
  materialNoticeDays: number
  missing: string[]
  unchanged: boolean
  diff: ReleaseDiff | null
  current: ReleaseSummary | null
  releases: ReleaseSummary[]
  sourceRefusal: string | null
}
type ChangeType = 'editorial' | 'material'

const DAY_MS = 86_400_000
const PUBLISH_CONFIRM = 'kaiji-publish-confirm'
const ROLLBACK_CONFIRM = 'kaiji-rollback-confirm'
const EFFECTIVE_AT_INPUT = 'kaiji-publish-effective-at'

const firstRefusal = (body: unknown, status: number): Refusal =>
  (body as { errors?: Refusal[] } | null)?.errors?.[0] ?? { message: String(status) }

/**
 * Above the releases list: the release a publish of the admin's current locale would make (approved
 * content only) previewed as the public will see it, with its redline and effective date, and the
 * publish and rollback forms, each confirmed in a dialog that names the language, change type and date.
 */
export const PublishPanel = () => {
  const { code: locale } = useLocale()
  const router = useRouter()
  const { openModal } = useModal()
  const { t, formatDate, timeZone } = useAdminTranslation()
  const {
    config: {
      routes: { api, admin: adminRoute },
    },
  } = useConfig()
  const [status, setStatus] = useState<Status | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)
  const [summary, setSummary] = useState('')
  const [changeType, setChangeType] = useState<ChangeType>('editorial')
  const [effectiveAt, setEffectiveAt] = useState('')
  const [shorterNoticeReason, setShorterNoticeReason] = useState('')
  const [prospect, setProspect] = useState<Prospect | null>(null)
  const [prospectError, setProspectError] = useState<string | null>(null)
  const [rollbackTo, setRollbackTo] = useState('')
  const [rollbackReason, setRollbackReason] = useState('')
  const [rollbackProspect, setRollbackProspect] = useState<Prospect | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const panel = useRef<HTMLElement>(null)

  const language = (code: string) =>
    t(`kaijiAdmin:publishing:languages:${code}` as 'kaijiAdmin:publishing:languages:ja')
  const changeTypeName = (type: ChangeType) => t(`kaijiAdmin:publishing:changeTypeName:${type}`)

  /** A refusal in the user's words: translated by its code; the English API message is never shown. */
  const refusalText = useCallback(
    (refusal: Refusal): string => {
      const params = { ...refusal.params }
      if (typeof params.earliest === 'string') params.earliest = formatDate(params.earliest)
      const fieldLabels: Record<string, string> = {
        summary: t('kaijiAdmin:publishing:summary'),
        reason: t('kaijiAdmin:publishing:rollbackReason'),
        urgencyReason: t('kaijiAdmin:publishing:shorterNoticeReason'),
      }
      if (typeof params.field === 'string') params.field = fieldLabels[params.field] ?? params.field
      const key = `kaijiAdmin:publishing:errors:${refusal.code ?? 'refused'}`
      const text = t(key as 'kaijiAdmin:publishing:errors:refused', params)
      return text === key ? t('kaijiAdmin:publishing:errors:refused') : text
    },
    [t, formatDate],
  )

  useEffect(() => {
    // A slow answer for the previous locale must not overwrite the one for the locale now shown.
    let current = true
    fetch(`${api}/releases/preview?locale=${encodeURIComponent(locale)}`, {
      credentials: 'include',
    })
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => null)
        if (!current) return
        if (response.ok) {
          setStatus(body as Status)
          setLoadError(null)
        } else setLoadError(refusalText(firstRefusal(body, response.status)))
      })
      .catch(() => {
        if (current) setLoadError(t('kaijiAdmin:publishing:unreachable'))
      })
    return () => {
      current = false
    }
  }, [api, locale, reloads, refusalText, t])

  useAccessibleSelects(panel)

  const ready = Boolean(
    status && status.missing.length === 0 && !status.unchanged && !status.sourceRefusal,
  )
  const canPublish = Boolean(status?.canPublish)
  const hasReason = shorterNoticeReason.trim().length > 0

  /** GET /releases/prospect: what the publish or rollback would be; nothing is written. */
  const loadProspect = useCallback(
    (params: Record<string, string>, set: (prospect: Prospect | null) => void) => {
      let current = true
      set(null)
      setProspectError(null)
      fetch(`${api}/releases/prospect?${new URLSearchParams({ locale, ...params }).toString()}`, {
        credentials: 'include',
      })
        .then(async (response) => {
          const body: unknown = await response.json().catch(() => null)
          if (!current) return
          if (response.ok) set(body as Prospect)
          else setProspectError(refusalText(firstRefusal(body, response.status)))
        })
        .catch(() => {
          if (current) setProspectError(t('kaijiAdmin:publishing:unreachable'))
        })
      return () => {
        current = false
      }
    },
    [api, locale, refusalText, t],
  )

  useEffect(() => {
    if (!canPublish || !ready) return
    return loadProspect(
      {
        action: 'publish',
        changeType,
        ...(effectiveAt ? { effectiveAt } : {}),
        ...(hasReason ? { shorterNotice: 'true' } : {}),
      },
      setProspect,
    )
  }, [canPublish, ready, changeType, effectiveAt, hasReason, loadProspect, reloads])

  useEffect(() => {
    if (!canPublish || !rollbackTo) {
      setRollbackProspect(null)
      return
    }
    return loadProspect({ action: 'rollback', toRelease: rollbackTo }, setRollbackProspect)
  }, [canPublish, rollbackTo, loadProspect, reloads])

  const chooseChangeType = (type: ChangeType) => {
    setChangeType(type)
    // The notice rule applied: a material change is proposed for the first midnight after the notice period.
    if (type === 'material' && !effectiveAt && status)
      setEffectiveAt(
        new Date(
          startOfNextDayIn(Date.now() + status.materialNoticeDays * DAY_MS, timeZone),
        ).toISOString(),
      )
  }

  const post = async (path: 'publish' | 'rollback', body: Record<string, unknown>) => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${api}/releases/${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const result: unknown = await response.json().catch(() => null)
      const { release, warnings } =
        (result as {
          release?: { number: number; effectiveAt: string }
          warnings?: string[]
        } | null) ?? {}
      if (response.ok && release) {
        const text = t(
          path === 'publish'
            ? 'kaijiAdmin:publishing:published'
            : 'kaijiAdmin:publishing:rolledBack',
          {
            language: language(locale),
            number: release.number,
            date: formatDate(release.effectiveAt),
          },
        )
        const warning = warnings?.length ? ` ${t('kaijiAdmin:publishing:cancelledWarning')}` : ''
        setMessage({ ok: true, text: `${text}${warning}` })
        toast.success(text)
        if (path === 'publish') {
          setSummary('')
          setShorterNoticeReason('')
          setEffectiveAt('')
          setChangeType('editorial')
        } else {
          setRollbackTo('')
          setRollbackReason('')
        }
        router.refresh()
      } else {
        const text = t('kaijiAdmin:publishing:refused', {
          message: refusalText(firstRefusal(result, response.status)),
        })
        setMessage({ ok: false, text })
        toast.error(text)
      }
    } catch {
      setMessage({ ok: false, text: t('kaijiAdmin:publishing:unreachable') })
    } finally {
      setBusy(false)
      setReloads((count) => count + 1)
    }
  }

  if (!status) {
    return (
      <div className="publish-panel gutter--left gutter--right" data-testid="publish-panel-loading">
        {loadError ? (
          <Banner type="error">
            <span role="alert">{loadError}</span>
          </Banner>
        ) : (
          t('kaijiAdmin:publishing:loading')
        )}
      </div>
    )
  }

  const languageName = language(locale)
  const noticeBlocks = Boolean(prospect && !prospect.notice.met && !hasReason)
  const rollbackTargets = status.releases.filter(
    (release) => release.status === 'past' || release.status === 'superseded',
  )
  const rollbackSource = rollbackTargets.find((release) => String(release.number) === rollbackTo)

  return (
    <section
      className="publish-panel gutter--left gutter--right"
      data-testid="publish-panel"
      ref={panel}
      style={{ marginBottom: 'calc(var(--base) * 2)', display: 'grid', gap: 'var(--base)' }}
    >
      <h3 style={{ margin: 0 }}>
        {t('kaijiAdmin:publishing:heading', { language: languageName })}
      </h3>
      <p data-testid="publish-current" style={{ margin: 0 }}>
        {status.current
          ? t('kaijiAdmin:publishing:inEffect', {
              number: status.current.number,
              summary: status.current.summary,
              date: formatDate(status.current.effectiveAt),
            })
          : t('kaijiAdmin:publishing:noneInEffect', { language: languageName })}
      </p>
      {status.releases
        .filter((release) => release.status === 'upcoming')
        .map((release) => (
          <p key={release.number} data-testid="publish-upcoming" style={{ margin: 0 }}>
            {t('kaijiAdmin:publishing:upcoming', {
              number: release.number,
              date: formatDate(release.effectiveAt),
              summary: release.summary,
            })}
            {typeof release.sourceReleaseNumber === 'number' && locale !== 'ja'
              ? ` ${t('kaijiAdmin:publishing:upcomingFollowsSource', { number: release.sourceReleaseNumber })}`
              : ''}
          </p>
        ))}
      {status.releases
        .filter(
          (release) =>
            release.objections &&
            (release.objections.total > 0 ||
              (release.status === 'upcoming' && release.changeType === 'material')),
        )
        .map((release) => (
          <p key={release.number} data-testid="publish-objections" style={{ margin: 0 }}>
            {t('kaijiAdmin:objections:panel:counts', {
              number: release.number,
              open: release.objections?.open ?? 0,
              total: release.objections?.total ?? 0,
            })}{' '}
            <a
              href={`${adminRoute}/collections/objections?where[and][0][locale][equals]=${encodeURIComponent(locale)}&where[and][1][releaseNumber][equals]=${release.number}`}
            >
              {t('kaijiAdmin:objections:panel:list')}
            </a>
          </p>
        ))}
      {status.missing.length > 0 && (
        <Banner type="info">
          <span data-testid="publish-missing">
            {t('kaijiAdmin:publishing:notReady', { language: languageName })}
          </span>
        </Banner>
      )}
      {status.unchanged && (
        <Banner type="info">
          <span data-testid="publish-unchanged">{t('kaijiAdmin:publishing:unchanged')}</span>
        </Banner>
      )}
      {!status.unchanged && status.sourceRefusal && (
        <Banner type="info">
          <span data-testid="publish-source-refusal">
            {t('kaijiAdmin:publishing:errors:source-not-ready')}
          </span>
        </Banner>
      )}
      {message && (
        <Banner type={message.ok ? 'success' : 'error'}>
          <span data-testid="publish-message" role="status">
            {message.text}
          </span>
        </Banner>
      )}
      {ready && !canPublish && status.diff && (
        <div data-testid="publish-changes">
          <ReleaseRedline diff={status.diff} />
        </div>
      )}
      {canPublish && ready && (
        <form
          aria-label={t('kaijiAdmin:publishing:form')}
          data-testid="publish-form"
          onSubmit={(event) => {
            event.preventDefault()
            openModal(PUBLISH_CONFIRM)
          }}
          style={{ display: 'grid', gap: 'var(--base)', maxWidth: '60rem' }}
        >
          <TextareaInput
            label={t('kaijiAdmin:publishing:summary')}
            onChange={(event) => setSummary(event.target.value)}
            path="kaiji-publish-summary"
            required
            rows={2}
            value={summary}
          />
          <div data-testid="publish-change-type" data-value={changeType}>
            <SelectInput
              isClearable={false}
              label={t('kaijiAdmin:publishing:changeType')}
              name="kaiji-publish-change-type"
              onChange={(option) => {
                if (option && !Array.isArray(option))
                  chooseChangeType(option.value === 'material' ? 'material' : 'editorial')
              }}
              options={[
                { label: t('kaijiAdmin:publishing:changeTypes:editorial'), value: 'editorial' },
                {
                  label: t('kaijiAdmin:publishing:changeTypes:material', {
                    days: status.materialNoticeDays,
                  }),
                  value: 'material',
                },
              ]}
              path="kaiji-publish-change-type"
              value={changeType}
            />
          </div>
          <div className="field-type" data-testid="publish-effective-at" data-value={effectiveAt}>
            <label className="field-label" htmlFor={EFFECTIVE_AT_INPUT}>
              {t('kaijiAdmin:publishing:effectiveAt')}
            </label>
            <DatePicker
              onChange={(date) => setEffectiveAt(date ? date.toISOString() : '')}
              overrides={{ id: EFFECTIVE_AT_INPUT }}
              pickerAppearance="dayAndTime"
              value={effectiveAt || undefined}
            />
            <p className="field-description" style={{ marginBottom: 0 }}>
              {t('kaijiAdmin:publishing:effectiveAtHint')}
            </p>
          </div>
          {changeType === 'material' && (
            <TextareaInput
              description={
                prospect
                  ? t('kaijiAdmin:publishing:shorterNoticeHint', {
                      days: status.materialNoticeDays,
                      date: formatDate(prospect.notice.earliest),
                    })
                  : undefined
              }
              label={t('kaijiAdmin:publishing:shorterNoticeReason')}
              onChange={(event) => setShorterNoticeReason(event.target.value)}
              path="kaiji-publish-shorter-notice-reason"
              rows={2}
              value={shorterNoticeReason}
            />
          )}
          {prospectError && (
            <Banner type="error">
              <span data-testid="publish-prospect-error">{prospectError}</span>
            </Banner>
          )}
          {prospect ? (
            <ReleaseProspect prospect={prospect} testId="publish-prospect" />
          ) : (
            !prospectError && <p>{t('kaijiAdmin:publishing:previewLoading')}</p>
          )}
          <div>
            <Button
              buttonStyle="primary"
              disabled={busy || !summary.trim() || !prospect || noticeBlocks}
              type="submit"
            >
              {t('kaijiAdmin:publishing:publish')}
            </Button>
          </div>
          <ConfirmationModal
            body={
              prospect && (
                <p data-testid="publish-confirm-text">
                  {t('kaijiAdmin:publishing:confirmPublish', {
                    language: languageName,
                    changeType: changeTypeName(changeType),
                    date: formatDate(prospect.effectiveAt),
                  })}
                </p>
              )
            }
            cancelLabel={t('kaijiAdmin:publishing:cancel')}
            confirmingLabel={t('kaijiAdmin:publishing:confirming')}
            confirmLabel={t('kaijiAdmin:publishing:confirm')}
            heading={t('kaijiAdmin:publishing:confirmHeading')}
            modalSlug={PUBLISH_CONFIRM}
            onConfirm={() =>
              post('publish', {
                locale,
                summary,
                changeType,
                ...(effectiveAt ? { effectiveAt } : {}),
                ...(changeType === 'material' && hasReason
                  ? { urgencyReason: shorterNoticeReason }
                  : {}),
                ...(prospect ? { contentHash: prospect.contentHash } : {}),
              })
            }
          />
        </form>
      )}
      {canPublish && rollbackTargets.length > 0 && (
        <form
          aria-label={t('kaijiAdmin:publishing:rollbackHeading')}
          data-testid="rollback-form"
          onSubmit={(event) => {
            event.preventDefault()
            openModal(ROLLBACK_CONFIRM)
          }}
          style={{ display: 'grid', gap: 'var(--base)', maxWidth: '60rem' }}
        >
          <h4 style={{ margin: 0 }}>{t('kaijiAdmin:publishing:rollbackHeading')}</h4>
          <div data-testid="rollback-release" data-value={rollbackTo}>
            <SelectInput
              label={t('kaijiAdmin:publishing:rollbackRelease')}
              name="kaiji-rollback-release"
              onChange={(option) => {
                if (!Array.isArray(option)) setRollbackTo(option ? String(option.value) : '')
              }}
              options={rollbackTargets.map((release) => ({
                label: t('kaijiAdmin:publishing:rollbackOption', {
                  number: release.number,
                  summary: release.summary,
                }),
                value: String(release.number),
              }))}
              path="kaiji-rollback-release"
              value={rollbackTo}
            />
          </div>
          <TextareaInput
            label={t('kaijiAdmin:publishing:rollbackReason')}
            onChange={(event) => setRollbackReason(event.target.value)}
            path="kaiji-rollback-reason"
            required
            rows={2}
            value={rollbackReason}
          />
          {rollbackProspect && (
            <ReleaseProspect prospect={rollbackProspect} testId="rollback-prospect" />
          )}
          <div>
            <Button
              buttonStyle="secondary"
              disabled={busy || !rollbackProspect || !rollbackReason.trim()}
              type="submit"
            >
              {t('kaijiAdmin:publishing:rollbackButton')}
            </Button>
          </div>
          <ConfirmationModal
            body={
              rollbackProspect &&
              rollbackSource && (
                <p data-testid="rollback-confirm-text">
                  {t('kaijiAdmin:publishing:rollbackConfirm', {
                    language: languageName,
                    from: rollbackSource.number,
                    changeType: changeTypeName(rollbackProspect.changeType),
                    date: formatDate(rollbackProspect.effectiveAt),
                  })}
                </p>
              )
            }
            cancelLabel={t('kaijiAdmin:publishing:cancel')}
            confirmingLabel={t('kaijiAdmin:publishing:confirming')}
            confirmLabel={t('kaijiAdmin:publishing:rollbackConfirmButton')}
            heading={t('kaijiAdmin:publishing:rollbackConfirmHeading')}
            modalSlug={ROLLBACK_CONFIRM}
            onConfirm={() =>
              post('rollback', {
                locale,
                toRelease: Number(rollbackTo),
                reason: rollbackReason,
              })
            }
          />
        </form>
      )}
    </section>
  )
}
