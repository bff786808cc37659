import { Banner, Pill } from '@payloadcms/ui'
import type { I18nClient } from '@payloadcms/translations'
import type { Payload } from 'payload'
import type { ComponentProps } from 'react'

import { isLocaleCode } from '../config/locales'
import { settings } from '../config/settings'
import { formatAdminDate } from '../i18n/adminDates'
import type { AdminStringKey } from '../i18n/adminTranslations'
import type { User } from '../payload-types'
import { loadReviewQueue } from '../translations/loadReviewQueue'
import type { QueueEntry, QueueSection } from '../translations/reviewQueue'

const STATE_PILL: Record<QueueEntry['state'], ComponentProps<typeof Pill>['pillStyle']> = {
  draft: 'light-gray',
  in_review: 'warning',
  changes_requested: 'error',
  approved: 'success',
  published: 'success',
}

type Translate = (key: AdminStringKey, vars?: Record<string, unknown>) => string

const emptyKey = (role: User['role']): AdminStringKey =>
  role === 'admin'
    ? 'kaijiAdmin:reviewQueue:empty:admin'
    : role === 'legal-reviewer'
      ? 'kaijiAdmin:reviewQueue:empty:reviewer'
      : 'kaijiAdmin:reviewQueue:empty:editor'

const Entry = ({ entry, t, language }: { entry: QueueEntry; t: Translate; language: string }) => {
  const locale = isLocaleCode(entry.locale)
    ? t(`kaijiAdmin:reviewQueue:locale:${entry.locale}`)
    : entry.locale
  const noteLabel =
    entry.section === 'in_review' || entry.section === 'changes_requested'
      ? t(`kaijiAdmin:reviewQueue:note:${entry.section}`)
      : null
  return (
    <li
      className="review-queue__entry"
      data-testid="review-queue-entry"
      data-key={entry.key}
      data-locale={entry.locale}
      data-section={entry.section}
    >
      <div className="review-queue__head">
        <a className="review-queue__link" href={entry.href} lang={entry.locale}>
          {entry.title}
        </a>
        {entry.titleFromSource && (
          <span className="review-queue__hint">{t('kaijiAdmin:reviewQueue:sourceTitle')}</span>
        )}
        <span className="review-queue__pills">
          <Pill size="small" pillStyle="light-gray">
            {locale}
          </Pill>
          <Pill size="small" pillStyle={STATE_PILL[entry.state]}>
            <span data-testid="review-queue-state">
              {t(`kaijiAdmin:workflow:state:${entry.state}`)}
            </span>
          </Pill>
          {entry.stale && (
            <Pill size="small" pillStyle="warning">
              {t('kaijiAdmin:reviewQueue:staleFlag')}
            </Pill>
          )}
        </span>
      </div>
      {(entry.by || entry.at) && (
        <p className="review-queue__meta">
          {entry.by && t(`kaijiAdmin:reviewQueue:by:${entry.section}`, { name: entry.by })}
          {entry.by && entry.at && ' · '}
          {entry.at && (
            <time dateTime={entry.at}>
              {formatAdminDate(entry.at, language, settings().timeZone)}
            </time>
          )}
        </p>
      )}
      {noteLabel && (
        <p className="review-queue__note" data-testid="review-queue-note">
          <strong>{noteLabel}: </strong>
          {entry.note ?? t('kaijiAdmin:reviewQueue:noNote')}
        </p>
      )}
      {entry.section === 'in_review' && !entry.actions.includes('approve') && !entry.stale && (
        <p className="review-queue__meta">{t('kaijiAdmin:reviewQueue:fourEyes')}</p>
      )}
    </li>
  )
}

/**
 * The dashboard's review queue (Payload's `beforeDashboard`): what waits for the signed-in user,
 * each entry one click from the document in its locale with its Review panel.
 */
export const ReviewQueue = async ({
  i18n,
  payload,
  user,
}: {
  i18n: I18nClient
  payload: Payload
  user?: User | null
}) => {
  if (!user) return null
  const t: Translate = (key, vars) =>
    (i18n.t as (key: string, vars?: Record<string, unknown>) => string)(key, vars)
  const queue = await loadReviewQueue(payload, user, t('kaijiAdmin:reviewQueue:pageTitle'))
  const sectionTitle = (section: QueueSection) => t(`kaijiAdmin:reviewQueue:section:${section}`)
  return (
    <section
      className="review-queue"
      aria-labelledby="review-queue-title"
      data-testid="review-queue"
    >
      <h2 id="review-queue-title" className="review-queue__title">
        {t('kaijiAdmin:reviewQueue:title')}
      </h2>
      {queue.total === 0 ? (
        <div data-testid="review-queue-empty">
          <Banner type="success">{t(emptyKey(user.role))}</Banner>
        </div>
      ) : (
        <>
          <p className="review-queue__intro">{t('kaijiAdmin:reviewQueue:intro')}</p>
          {queue.sections.map(({ section, entries }) => (
            <section
              key={section}
              className="review-queue__section"
              aria-labelledby={`review-queue-${section}`}
              data-section={section}
            >
              <h3 id={`review-queue-${section}`} className="review-queue__section-title">
                {sectionTitle(section)}{' '}
                <Pill size="small" pillStyle="light">
                  {t('kaijiAdmin:reviewQueue:count', { count: entries.length })}
                </Pill>
              </h3>
              <ul className="review-queue__list">
                {entries.map((entry) => (
                  <Entry
                    key={`${entry.key}:${entry.locale}`}
                    entry={entry}
                    t={t}
                    language={i18n.language}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  )
}
