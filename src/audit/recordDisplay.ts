import type { Field, PayloadRequest } from 'payload'

import { sayFor } from '../i18n/adminText'
import type { AdminStringKey } from '../i18n/adminTranslations'
import { byLanguage } from '../i18n/byLanguage'
import type { Translate } from '../i18n/recordLabels'
import { sourceCategories } from '../utilities/sourceCategories'

/**
 * What the workflow-state and audit-event records show first: the document, language, state or
 * action and who, in words in the reader's language. Worked out on each read by the admin (a read
 * that checks access) and never stored, so the stored columns, the hashes and the audit chain are
 * exactly as before; the server's own reads (overrideAccess) skip them.
 */

type Doc = Record<string, unknown>
type Compute = (doc: Doc, req: PayloadRequest, t: Translate) => unknown

/** A stored subject (`partners-page`, `partner-categories:6`) as the admin names the document. */
export const subjectName = async (
  req: PayloadRequest,
  t: Translate,
  subject: unknown,
): Promise<string> => {
  if (typeof subject !== 'string') return '—'
  if (subject === 'partners-page') return t('kaijiAdmin:records:subject:page')
  if (subject === 'site-settings') return t('kaijiAdmin:records:subject:siteSettings')
  const category = /^partner-categories:(.+)$/.exec(subject)
  if (!category?.[1]) return subject
  const source = (await sourceCategories(req)).get(category[1])
  return source?.name
    ? t('kaijiAdmin:records:subject:category', {
        name: `${source.icon ?? ''} ${source.name}`.trim(),
      })
    : t('kaijiAdmin:records:subject:categoryUnnamed', { id: category[1] })
}

const forAdminReads =
  (compute: Compute) =>
  ({
    data,
    req,
    overrideAccess,
  }: {
    data?: Partial<Doc>
    req: PayloadRequest
    overrideAccess?: boolean
  }) =>
    overrideAccess ? undefined : compute((data ?? {}) as Doc, req, sayFor(req))

/** A read-only field shown on the record and in its list, worked out on read, with no column. */
export const displayField = (
  name: string,
  label: AdminStringKey,
  compute: Compute,
  type: 'text' | 'date' = 'text',
): Field =>
  ({
    name,
    type,
    virtual: true,
    label: byLanguage(label),
    admin: {
      readOnly: true,
      disableBulkEdit: true,
      disableListFilter: true,
      ...(type === 'date' ? { date: { pickerAppearance: 'dayAndTime' } } : {}),
    },
    hooks: { afterRead: [forAdminReads(compute)] },
  }) as Field

/**
 * The record's title (edit view header, browser tab). Payload refuses a virtual field as `useAsTitle`,
 * so it has a column that stays empty; it is never written and never part of a hash.
 */
export const displayTitleField = (compose: Compute): Field => ({
  name: 'displayTitle',
  label: byLanguage('kaijiAdmin:records:title'),
  type: 'text',
  admin: {
    readOnly: true,
    disableBulkEdit: true,
    disableListFilter: true,
    components: { Field: '/src/ui/NoInput#NoInput' },
  },
  hooks: { beforeChange: [() => null], afterRead: [forAdminReads(compose)] },
})

/** Parts of a title joined as the admin shows them: `Partners page · English · In review`. */
export const joinTitle = (...parts: readonly string[]): string =>
  parts.filter((part) => part !== '').join(' · ')

/** Keys, hashes and raw content: last in a record, under a collapsed group that says what they are. */
export const technicalDetails = (fields: Field[]): Field => ({
  type: 'collapsible',
  label: byLanguage('kaijiAdmin:records:technicalDetails'),
  admin: {
    initCollapsed: true,
    description: byLanguage('kaijiAdmin:records:technicalDetailsDescription'),
  },
  fields,
})
