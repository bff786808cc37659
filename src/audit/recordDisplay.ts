import type { Field, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import { adminText } from '../i18n/adminText'
import type { AdminStringKey } from '../i18n/adminTranslations'
import { byLanguage } from '../i18n/byLanguage'
import type { Translate } from '../i18n/recordLabels'

/**
 * What the workflow-state and audit-event records show first: the document, language, state or
 * action and who, in words in the reader's language. Worked out on each read by the admin (a read
 * that checks access) and never stored, so the stored columns, the hashes and the audit chain are
 * exactly as before; the server's own reads (overrideAccess) skip them.
 */

type Doc = Record<string, unknown>
type Compute = (doc: Doc, req: PayloadRequest, t: Translate) => unknown

export const translatorFor =
  (req: PayloadRequest): Translate =>
  (key, vars) =>
    adminText(req, key, vars)

const CATEGORY_NAMES = 'kaiji.recordCategoryNames'

/** Every category's Japanese name (with its icon), read once per request: a list names many rows. */
const categoryNames = (req: PayloadRequest): Promise<Map<string, string>> => {
  const cached = req.context[CATEGORY_NAMES] as Promise<Map<string, string>> | undefined
  if (cached) return cached
  const loading = req.payload
    .find({
      collection: 'partner-categories',
      locale: SOURCE_LOCALE,
      depth: 0,
      pagination: false,
      select: { name: true, icon: true },
      overrideAccess: true,
    })
    .then(
      ({ docs }) =>
        new Map(
          docs
            .filter((doc) => typeof doc.name === 'string' && doc.name.trim() !== '')
            .map((doc) => [String(doc.id), `${doc.icon ?? ''} ${doc.name}`.trim()]),
        ),
    )
  req.context[CATEGORY_NAMES] = loading
  return loading
}

/** A stored subject (`partners-page`, `partner-categories:6`) as the admin names the document. */
export const subjectName = async (
  req: PayloadRequest,
  t: Translate,
  subject: unknown,
): Promise<string> => {
  if (typeof subject !== 'string') return '—'
  if (subject === 'partners-page') return t('kaijiAdmin:records:subject:page')
  const category = /^partner-categories:(.+)$/.exec(subject)
  if (!category?.[1]) return subject
  const name = (await categoryNames(req)).get(category[1])
  return name
    ? t('kaijiAdmin:records:subject:category', { name })
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
    overrideAccess ? undefined : compute((data ?? {}) as Doc, req, translatorFor(req))

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
