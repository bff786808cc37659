'use client'

import { Banner } from '@payloadcms/ui'

import { useAdminTranslation } from '@/i18n/useAdminTranslation'
import type { ReleaseDiff } from '@/releases/types'
import { FieldRedlines } from '@/ui/Redline'

import type { Prospect } from './types'

/** Payload-style field names of a release for the redline: `columnLabels.type` → `columnLabelsType`. */
const fieldKey = (field: string) =>
  field.replace(/\.(\w)/g, (_, letter: string) => letter.toUpperCase())

/** The redline of a prospective release against the release in effect, field by field. */
export const ReleaseRedline = ({ diff }: { diff: ReleaseDiff }) => {
  const { t } = useAdminTranslation()
  const label = (field: string) => {
    const key = fieldKey(field)
    const translated = t(
      `kaijiAdmin:publishing:fields:${key}` as 'kaijiAdmin:publishing:fields:name',
    )
    return translated.startsWith('kaijiAdmin:') ? field : translated
  }
  const empty =
    diff.page.length === 0 &&
    diff.categories.added.length === 0 &&
    diff.categories.removed.length === 0 &&
    diff.categories.changed.length === 0
  if (empty) return <p data-testid="publish-no-changes">{t('kaijiAdmin:publishing:noChanges')}</p>
  return (
    <div data-testid="publish-redline">
      {diff.page.length > 0 && (
        <section>
          <h5>{t('kaijiAdmin:publishing:page')}</h5>
          <FieldRedlines changes={diff.page} fieldLabel={label} />
        </section>
      )}
      {diff.categories.changed.map((category) => (
        <section key={category.key}>
          <h5>{category.name ?? category.key}</h5>
          <FieldRedlines changes={category.fields} fieldLabel={label} />
        </section>
      ))}
      {diff.categories.added.map((category) => (
        <p key={`added-${category.key}`}>
          {t('kaijiAdmin:publishing:added')}:{' '}
          <ins style={{ background: 'var(--theme-success-100)' }}>
            {category.name ?? category.key}
          </ins>
        </p>
      ))}
      {diff.categories.removed.map((category) => (
        <p key={`removed-${category.key}`}>
          {t('kaijiAdmin:publishing:removed')}:{' '}
          <del style={{ background: 'var(--theme-error-100)' }}>
            {category.name ?? category.key}
          </del>
        </p>
      ))}
    </div>
  )
}

/**
 * What a publish or rollback would do, before it is confirmed: when it takes effect (source and
 * notice rules applied), the redline against the release in effect, and the public page as it will
 * be served then, in a sandboxed frame that runs nothing.
 */
export const ReleaseProspect = ({ prospect, testId }: { prospect: Prospect; testId: string }) => {
  const { t, formatDate } = useAdminTranslation()
  const { notice } = prospect
  const language = t(
    `kaijiAdmin:publishing:languages:${prospect.locale}` as 'kaijiAdmin:publishing:languages:ja',
  )
  return (
    <div data-testid={testId} style={{ display: 'grid', gap: 'var(--base)' }}>
      <p data-testid="publish-effective" style={{ margin: 0, fontWeight: 600 }}>
        {t('kaijiAdmin:publishing:effective', { date: formatDate(prospect.effectiveAt) })}
      </p>
      {prospect.heldBySource && prospect.sourceRelease && (
        <p data-testid="publish-held-by-source" style={{ margin: 0 }}>
          {t('kaijiAdmin:publishing:heldBySource', {
            date: formatDate(prospect.sourceRelease.effectiveAt),
            number: prospect.sourceRelease.number,
          })}
        </p>
      )}
      {notice.required && (
        <Banner type={notice.met ? 'success' : 'error'}>
          <span data-testid="publish-notice">
            {notice.met
              ? t('kaijiAdmin:publishing:noticeMet', { days: notice.days })
              : t('kaijiAdmin:publishing:noticeNeeded', {
                  days: notice.days,
                  date: formatDate(notice.earliest),
                })}
          </span>
        </Banner>
      )}
      <section>
        <h4 style={{ marginBottom: 'calc(var(--base) / 2)' }}>
          {prospect.inEffect === null
            ? t('kaijiAdmin:publishing:redlineFirst')
            : t('kaijiAdmin:publishing:redlineHeading', { number: prospect.inEffect })}
        </h4>
        {prospect.diff && <ReleaseRedline diff={prospect.diff} />}
      </section>
      <section>
        <h4 style={{ marginBottom: 'calc(var(--base) / 2)' }}>
          {t('kaijiAdmin:publishing:previewHeading')}
        </h4>
        <iframe
          data-testid="publish-preview-frame"
          sandbox=""
          srcDoc={prospect.html}
          style={{
            width: '100%',
            height: '32rem',
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 'var(--style-radius-s)',
            background: 'var(--theme-elevation-0)',
          }}
          title={t('kaijiAdmin:publishing:previewFrame', { language })}
        />
      </section>
    </div>
  )
}
