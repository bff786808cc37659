'use client'

import { Banner, Button, ConfirmationModal, toast, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'

import type { AdminStringKey } from '@/i18n/adminTranslations'
import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import type { BulkAction, BulkResult } from '@/translations/bulkActions'

import { useAccessibleSelects } from '@/ui/useAccessibleSelects'
import { LocaleSelect, type LocaleOption } from './LocaleSelect'

type Answer = {
  action: BulkAction
  locale: string
  done: number
  skipped: number
  results: BulkResult[]
}

const MODAL: Record<BulkAction, string> = {
  submit: 'kaiji-bulk-submit',
  approve: 'kaiji-bulk-approve',
}

/** "Submit all my drafts" and "approve all in review" for one language: one request each, a result per document. */
export const BulkActions = ({
  submitLocales,
  approveLocales,
  inReview,
}: {
  submitLocales: LocaleOption[]
  approveLocales: LocaleOption[]
  inReview: Record<string, number>
}) => {
  const { t } = useAdminTranslation()
  const { openModal } = useModal()
  const router = useRouter()
  const root = useRef<HTMLElement>(null)
  useAccessibleSelects(root)
  const options = [...submitLocales, ...approveLocales].filter(
    (option, index, all) => all.findIndex((other) => other.value === option.value) === index,
  )
  const [locale, setLocale] = useState(options[0]?.value ?? '')
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<Answer | null>(null)
  if (options.length === 0) return null
  const localeLabel = options.find((option) => option.value === locale)?.label ?? locale
  const mayDo = (action: BulkAction) =>
    (action === 'submit' ? submitLocales : approveLocales).some((option) => option.value === locale)

  const run = async (action: BulkAction) => {
    setBusy(true)
    setAnswer(null)
    try {
      const response = await fetch('/api/translations/bulk', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action, locale }),
      })
      const body = (await response.json().catch(() => ({}))) as Answer & {
        errors?: Array<{ message: string }>
      }
      if (!response.ok) {
        toast.error(
          t('kaijiAdmin:translations:bulk:failed', {
            status: response.status,
            message: body.errors?.map((error) => error.message).join(' ') ?? '',
          }),
        )
        return
      }
      setAnswer(body)
      toast.success(
        t('kaijiAdmin:translations:bulk:summary', { done: body.done, skipped: body.skipped }),
      )
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  const resultText = (result: BulkResult) =>
    result.outcome === 'done'
      ? t('kaijiAdmin:translations:bulk:done', {
          state: t(`kaijiAdmin:workflow:state:${result.state}` as AdminStringKey),
        })
      : t(`kaijiAdmin:translations:bulk:skipped:${result.reason}` as AdminStringKey, {
          message: result.message,
        })
  const label = (result: BulkResult) => result.label || t('kaijiAdmin:translations:partnersPage')

  return (
    <section ref={root} className="kaiji-translations__panel" data-testid="bulk-actions">
      <h2>{t('kaijiAdmin:translations:bulk:heading')}</h2>
      <div className="kaiji-translations__row">
        <LocaleSelect
          name="bulk-locale"
          label={t('kaijiAdmin:translations:bulk:locale')}
          options={options}
          value={locale}
          onChange={(chosen) => {
            setLocale(chosen)
            setAnswer(null)
          }}
        />
        {mayDo('submit') && (
          <Button
            id="bulk-submit"
            buttonStyle="secondary"
            size="medium"
            disabled={busy}
            onClick={() => openModal(MODAL.submit)}
          >
            {t('kaijiAdmin:translations:bulk:submit')}
          </Button>
        )}
        {mayDo('approve') && (
          <Button
            id="bulk-approve"
            buttonStyle="primary"
            size="medium"
            disabled={busy || (inReview[locale] ?? 0) === 0}
            onClick={() => openModal(MODAL.approve)}
          >
            {t('kaijiAdmin:translations:bulk:approve')}
          </Button>
        )}
      </div>
      {busy && <p role="status">{t('kaijiAdmin:translations:bulk:working')}</p>}
      {answer && (
        <div role="status" data-testid="bulk-results">
          <Banner type={answer.skipped > 0 ? 'warning' : 'success'}>
            {answer.results.length === 0
              ? t('kaijiAdmin:translations:bulk:nothing', { locale: localeLabel })
              : t('kaijiAdmin:translations:bulk:summary', {
                  done: answer.done,
                  skipped: answer.skipped,
                })}
          </Banner>
          {answer.results.length > 0 && (
            <ul
              className="kaiji-translations__list"
              aria-label={t('kaijiAdmin:translations:bulk:results')}
            >
              {answer.results.map((result) => (
                <li
                  key={result.subject}
                  data-subject={result.subject}
                  data-outcome={result.outcome}
                >
                  <strong>{label(result)}</strong>: {resultText(result)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ConfirmationModal
        modalSlug={MODAL.submit}
        heading={t('kaijiAdmin:translations:bulk:submitHeading', { locale: localeLabel })}
        body={t('kaijiAdmin:translations:bulk:submitBody', { locale: localeLabel })}
        confirmLabel={t('kaijiAdmin:translations:bulk:confirm')}
        cancelLabel={t('kaijiAdmin:translations:bulk:cancel')}
        onConfirm={() => run('submit')}
      />
      <ConfirmationModal
        modalSlug={MODAL.approve}
        heading={t('kaijiAdmin:translations:bulk:approveHeading', { locale: localeLabel })}
        body={t('kaijiAdmin:translations:bulk:approveBody', {
          locale: localeLabel,
          count: inReview[locale] ?? 0,
        })}
        confirmLabel={t('kaijiAdmin:translations:bulk:confirm')}
        cancelLabel={t('kaijiAdmin:translations:bulk:cancel')}
        onConfirm={() => run('approve')}
      />
    </section>
  )
}
