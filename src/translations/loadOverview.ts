import type { Payload } from 'payload'

import { localeCodesVisibleTo } from '../access/visibleLocales'
import { LOCALES, SOURCE_LOCALE } from '../config/locales'
import type { User } from '../payload-types'
import {
  hasText,
  readAllWorkflowRows,
  subjectContentFields,
  subjectKey,
  type WorkflowSubject,
} from '../workflow'
import { buildOverview, type LocaleFacts, type Overview, type OverviewSubject } from './overview'

const system = { overrideAccess: true, depth: 0 } as const

const isByLocale = (value: Record<string, unknown>): boolean =>
  Object.keys(value).every((key) => (LOCALES as readonly string[]).includes(key))

/** A document read with `locale: 'all'`: each localized field is `{ [locale]: value }`, inside groups too. */
export const localeHasContent = (
  doc: Record<string, unknown>,
  localizedFields: readonly string[],
  locale: string,
): boolean =>
  localizedFields.some((field) => {
    const value = doc[field]
    if (!value || typeof value !== 'object') return false
    const entries = value as Record<string, unknown>
    if (isByLocale(entries)) return hasText(entries[locale])
    // A group of localized fields: { child: { [locale]: value } }.
    return Object.values(entries).some(
      (child) =>
        child !== null &&
        typeof child === 'object' &&
        hasText((child as Record<string, unknown>)[locale]),
    )
  })

/** The page and the categories in every locale, and every workflow row: three queries. */
export const readReviewedDocuments = async (payload: Payload) => {
  const [page, categories, rows] = await Promise.all([
    payload.findGlobal({ slug: 'partners-page', locale: 'all', ...system }),
    payload.find({
      collection: 'partner-categories',
      locale: 'all',
      sort: 'order',
      pagination: false,
      ...system,
    }),
    readAllWorkflowRows(payload),
  ])
  return { page, categories, rows }
}

/** Reads the page, the categories and every workflow row (three queries) and builds the overview for `user`. */
export const loadTranslationOverview = async (payload: Payload, user: User): Promise<Overview> => {
  const { page, categories, rows } = await readReviewedDocuments(payload)
  const facts = (
    subject: WorkflowSubject,
    doc: Record<string, unknown>,
  ): Record<string, LocaleFacts> => {
    const { localized } = subjectContentFields(payload, subject)
    return Object.fromEntries(
      LOCALES.map((locale) => {
        const row = rows.get(`${subjectKey(subject)}:${locale}`)
        return [
          locale,
          {
            hasContent: localeHasContent(doc, localized, locale),
            state: row?.state ?? null,
            sourceHash: row?.sourceHash ?? null,
            editedSinceApproval: Array.isArray(row?.editedSinceApproval)
              ? row.editedSinceApproval.map(String)
              : [],
          },
        ]
      }),
    )
  }
  const pageSubject: WorkflowSubject = { kind: 'global', slug: 'partners-page' }
  const sourceName = (doc: Record<string, unknown>, fallback: string) => {
    const name = doc.name as Record<string, unknown> | null | undefined
    return typeof name?.[SOURCE_LOCALE] === 'string' ? (name[SOURCE_LOCALE] as string) : fallback
  }
  const subjects: OverviewSubject[] = [
    {
      kind: 'page',
      id: null,
      key: subjectKey(pageSubject),
      label: 'Partners page',
      retired: false,
      locales: facts(pageSubject, page as unknown as Record<string, unknown>),
    },
    ...categories.docs.map((category): OverviewSubject => {
      const subject: WorkflowSubject = {
        kind: 'collection',
        slug: 'partner-categories',
        id: category.id,
      }
      const doc = category as unknown as Record<string, unknown>
      return {
        kind: 'category',
        id: category.id,
        key: subjectKey(subject),
        label: `${category.icon ?? ''} ${sourceName(doc, category.key)}`.trim(),
        retired: Boolean(category.retired),
        locales: facts(subject, doc),
      }
    }),
  ]
  const sourceApprovedHashes = new Map(
    subjects.map((subject) => [
      subject.key,
      rows.get(`${subject.key}:${SOURCE_LOCALE}`)?.approvedHash ?? null,
    ]),
  )
  return buildOverview({
    subjects,
    sourceApprovedHashes,
    viewer: user,
    locales: localeCodesVisibleTo(user),
  })
}
