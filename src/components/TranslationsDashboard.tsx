import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, Pill } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import type { AdminStringKey } from '../i18n/adminTranslations'
import type { User } from '../payload-types'
import { mayBulk } from '../translations/bulkActions'
import { loadTranslationOverview } from '../translations/loadOverview'
import { mayEditLocale } from '../access/canEditRequestedLocale'
import { CELL_STATUSES, type CellStatus } from '../translations/overview'
import { BulkActions } from './BulkActions'
import { XliffTools } from './XliffTools'

type PillStyle = NonNullable<Parameters<typeof Pill>[0]['pillStyle']>

const PILL_STYLES: Record<CellStatus, PillStyle> = {
  missing: 'light-gray',
  draft: 'light',
  in_review: 'warning',
  changes_requested: 'error',
  approved: 'success',
  published: 'success',
  stale: 'error',
}

const statusKey = (status: CellStatus): AdminStringKey =>
  status === 'missing' || status === 'stale'
    ? `kaijiAdmin:translations:status:${status}`
    : `kaijiAdmin:workflow:state:${status}`

const STYLES = `
.kaiji-translations { display: grid; gap: var(--base); padding-bottom: calc(var(--base) * 2); }
.kaiji-translations__grid { border-collapse: collapse; width: 100%; }
.kaiji-translations__grid th, .kaiji-translations__grid td {
  border: 1px solid var(--theme-elevation-150); padding: calc(var(--base) * 0.4) calc(var(--base) * 0.6);
  vertical-align: top; text-align: start; color: var(--theme-text);
}
.kaiji-translations__grid thead th, .kaiji-translations__grid tfoot th { background: var(--theme-elevation-50); }
.kaiji-translations__grid a { color: inherit; text-decoration: none; }
.kaiji-translations__grid a:focus-visible { outline: 2px solid var(--theme-success-500); outline-offset: 2px; }
.kaiji-translations__actions { font-size: 0.85em; color: var(--theme-elevation-800); margin-top: calc(var(--base) * 0.2); }
.kaiji-translations__panel {
  display: grid; gap: calc(var(--base) * 0.5); padding: var(--base);
  border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-m); background: var(--theme-elevation-0);
}
.kaiji-translations__panel h2 { margin: 0; font-size: 1.2rem; }
.kaiji-translations__row { display: flex; gap: calc(var(--base) * 0.5); align-items: flex-end; flex-wrap: wrap; }
.kaiji-translations__row .field-type { margin: 0; min-width: 12rem; }
.kaiji-translations__row .btn { margin: 0; }
.kaiji-translations__list { margin: 0; padding-inline-start: 1.2rem; }
`

/** /admin/translations: every document × every locale the user may see, with status, link and the user's possible actions. */
export const TranslationsDashboard = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const user = req.user as User | null
  if (!user) redirect('/admin/login?redirect=%2Fadmin%2Ftranslations')
  const t = (key: AdminStringKey, variables?: Record<string, unknown>): string =>
    req.i18n.t(key as Parameters<typeof req.i18n.t>[0], variables)
  const [overview, categories] = await Promise.all([
    loadTranslationOverview(req.payload, user),
    req.payload.find({
      collection: 'partner-categories',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { key: true },
    }),
  ])
  const targetLocales = overview.locales.filter((code) => code !== SOURCE_LOCALE)
  const localeName = (code: string) => t(`kaijiAdmin:translations:locale:${code}` as AdminStringKey)
  const rowLabel = (row: (typeof overview.rows)[number]) =>
    row.kind === 'page' ? t('kaijiAdmin:translations:partnersPage') : row.label
  // Document names for the XLIFF report, by the file ids an XLIFF file uses.
  const keyById = new Map(categories.docs.map((category) => [String(category.id), category.key]))
  const fileLabels = Object.fromEntries(
    overview.rows.map((row) => [
      row.kind === 'page' ? 'page' : `category.${keyById.get(row.key.split(':')[1] ?? '') ?? ''}`,
      rowLabel(row),
    ]),
  )
  const localeOptions = (codes: string[]) =>
    codes.map((code) => ({ value: code, label: localeName(code) }))
  const inReview = Object.fromEntries(
    targetLocales.map((code) => [code, overview.totals[code]?.in_review ?? 0]),
  )

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
      <Gutter className="kaiji-translations">
        <style>{STYLES}</style>
        <h1>{t('kaijiAdmin:translations:title')}</h1>
        <p>{t('kaijiAdmin:translations:intro')}</p>
        <BulkActions
          submitLocales={localeOptions(
            targetLocales.filter((code) => mayBulk(user, 'submit', code)),
          )}
          approveLocales={localeOptions(
            targetLocales.filter((code) => mayBulk(user, 'approve', code)),
          )}
          inReview={inReview}
        />
        <XliffTools
          exportLocales={localeOptions(targetLocales)}
          importLocales={localeOptions(targetLocales.filter((code) => mayEditLocale(user, code)))}
          // The translation memory is a translator's tool: the rule for editing the locale (as the endpoint's).
          tmxLocales={targetLocales.filter((code) => mayEditLocale(user, code))}
          fileLabels={fileLabels}
        />
        <table data-testid="translations-overview" className="kaiji-translations__grid">
          <thead>
            <tr>
              <th scope="col">{t('kaijiAdmin:translations:document')}</th>
              {overview.locales.map((code) => (
                <th key={code} scope="col" data-locale={code}>
                  {localeName(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">
                  {rowLabel(row)}
                  {row.retired ? ` (${t('kaijiAdmin:translations:retired')})` : ''}
                </th>
                {overview.locales.map((code) => {
                  const cell = row.cells[code]
                  if (!cell) return <td key={code} />
                  const actions = cell.actions
                    .map((action) => t(`kaijiAdmin:workflow:action:${action}` as AdminStringKey))
                    .join('、')
                  return (
                    <td key={code} data-locale={code} data-status={cell.status}>
                      <a
                        href={cell.href}
                        aria-label={`${rowLabel(row)} · ${localeName(code)}: ${t(statusKey(cell.status))}`}
                      >
                        <Pill pillStyle={PILL_STYLES[cell.status]} size="small">
                          {t(statusKey(cell.status))}
                        </Pill>
                      </a>
                      {cell.actions.length > 0 && (
                        <div className="kaiji-translations__actions">
                          {t('kaijiAdmin:translations:youCan', { actions })}
                        </div>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('kaijiAdmin:translations:totals')}</th>
              {overview.locales.map((code) => (
                <td key={code} data-totals={code}>
                  {CELL_STATUSES.filter((status) => (overview.totals[code]?.[status] ?? 0) > 0)
                    .map((status) => `${t(statusKey(status))}: ${overview.totals[code]?.[status]}`)
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
