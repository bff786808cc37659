import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isLocaleCode, LOCALE_LABELS, SOURCE_LOCALE } from '../config/locales'
import type { User } from '../payload-types'
import { loadTranslationOverview } from '../translations/loadOverview'
import { mayEditLocale } from '../access/canEditRequestedLocale'
import { CELL_STATUSES, type CellStatus } from '../translations/overview'
import { XliffTools } from './XliffTools'

const STATUS_LABELS: Record<CellStatus, string> = {
  missing: 'Missing',
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  stale: 'Stale',
}

const STATUS_COLORS: Record<CellStatus, string> = {
  missing: 'var(--theme-elevation-150)',
  draft: 'var(--theme-elevation-100)',
  in_review: 'var(--theme-warning-100)',
  changes_requested: 'var(--theme-error-100)',
  approved: 'var(--theme-success-100)',
  published: 'var(--theme-success-150)',
  stale: 'var(--theme-error-150)',
}

const cellStyle = {
  border: '1px solid var(--theme-elevation-150)',
  padding: '0.4rem 0.6rem',
  verticalAlign: 'top',
} as const

/** /admin/translations: every document × every locale the user may see, with status, link and the user's possible actions. */
export const TranslationsDashboard = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user as User | null
  if (!user) redirect('/admin/login?redirect=%2Fadmin%2Ftranslations')
  const overview = await loadTranslationOverview(req.payload, user)
  const targetLocales = overview.locales.filter((code) => code !== SOURCE_LOCALE)
  const localeName = (code: string) => (isLocaleCode(code) ? LOCALE_LABELS[code] : code)

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Translations</h1>
        <p>
          Each cell is one document in one locale: its status, a link to it in that locale, and what
          you can do there now.
        </p>
        <XliffTools
          exportLocales={targetLocales}
          importLocales={targetLocales.filter((code) => mayEditLocale(user, code))}
        />
        <table
          data-testid="translations-overview"
          style={{ borderCollapse: 'collapse', width: '100%' }}
        >
          <thead>
            <tr>
              <th style={cellStyle} scope="col">
                Document
              </th>
              {overview.locales.map((code) => (
                <th key={code} style={cellStyle} scope="col" data-locale={code}>
                  {localeName(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th style={cellStyle} scope="row">
                  {row.label}
                  {row.retired ? ' (retired)' : ''}
                </th>
                {overview.locales.map((code) => {
                  const cell = row.cells[code]
                  if (!cell) return <td key={code} style={cellStyle} />
                  return (
                    <td
                      key={code}
                      style={{ ...cellStyle, background: STATUS_COLORS[cell.status] }}
                      data-locale={code}
                      data-status={cell.status}
                    >
                      <a href={cell.href}>{STATUS_LABELS[cell.status]}</a>
                      {cell.actions.length > 0 && (
                        <div style={{ fontSize: '0.8em' }}>You can: {cell.actions.join(', ')}</div>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th style={cellStyle} scope="row">
                Totals (live documents)
              </th>
              {overview.locales.map((code) => (
                <td key={code} style={cellStyle} data-totals={code}>
                  {CELL_STATUSES.filter((status) => (overview.totals[code]?.[status] ?? 0) > 0)
                    .map((status) => `${STATUS_LABELS[status]}: ${overview.totals[code]?.[status]}`)
                    .join(' · ')}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </Gutter>
    </DefaultTemplate>
  )
}
