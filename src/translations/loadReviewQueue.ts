import type { Payload } from 'payload'

import { LOCALES } from '../config/locales'
import { subjectContentFields, subjectKey, type WorkflowSubject } from '../workflow'
import { localeHasContent, readReviewedDocuments } from './loadOverview'
import {
  buildReviewQueue,
  type QueueDocument,
  type QueueViewer,
  type ReviewQueue,
} from './reviewQueue'

const hasContentByLocale = (
  payload: Payload,
  subject: WorkflowSubject,
  doc: Record<string, unknown>,
): Record<string, boolean> => {
  const { localized } = subjectContentFields(payload, subject)
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, localeHasContent(doc, localized, locale)]),
  )
}

/**
 * Reads the page, the categories and every workflow row (three queries) and builds `viewer`'s
 * review queue. `pageTitle` names the page (it has no title field) in the reader's language.
 */
export const loadReviewQueue = async (
  payload: Payload,
  viewer: QueueViewer,
  pageTitle: string,
): Promise<ReviewQueue> => {
  const { page, categories, rows } = await readReviewedDocuments(payload)
  const pageSubject: WorkflowSubject = { kind: 'global', slug: 'partners-page' }
  const documents: QueueDocument[] = [
    {
      kind: 'page',
      id: null,
      key: subjectKey(pageSubject),
      titles: Object.fromEntries(LOCALES.map((locale) => [locale, pageTitle])),
      hasContent: hasContentByLocale(
        payload,
        pageSubject,
        page as unknown as Record<string, unknown>,
      ),
    },
    ...categories.docs.map((category): QueueDocument => {
      const subject: WorkflowSubject = {
        kind: 'collection',
        slug: 'partner-categories',
        id: category.id,
      }
      const doc = category as unknown as Record<string, unknown>
      // Read with locale 'all', the name is { [locale]: text }.
      const names = (doc.name ?? {}) as Record<string, unknown>
      return {
        kind: 'category',
        id: category.id,
        key: subjectKey(subject),
        titles: Object.fromEntries(
          LOCALES.map((locale) => {
            const name = names[locale]
            return [
              locale,
              typeof name === 'string' && name.trim() !== ''
                ? `${category.icon ?? ''} ${name}`.trim()
                : null,
            ]
          }),
        ),
        hasContent: hasContentByLocale(payload, subject, doc),
      }
    }),
  ]
  return buildReviewQueue({ viewer, documents, rows })
}
