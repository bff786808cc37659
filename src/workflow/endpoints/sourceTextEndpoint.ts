import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { isLocaleCode, LOCALES, SOURCE_LOCALE } from '@/config/locales'
import { problem } from '@/http/endpointHelpers'
import type { User } from '@/payload-types'
import { sourceFieldTexts } from '../sourceText'
import { diffSourceContent, isStale } from '../sourceTracking'
import { readLocaleState } from '../takeAction'
import type { WorkflowSubject } from '../types'
import type { SubjectTarget } from './workflowEndpoints'

const subjectOf = (req: PayloadRequest, target: SubjectTarget): WorkflowSubject =>
  target.kind === 'global'
    ? { kind: 'global', slug: target.slug }
    : { kind: 'collection', slug: target.slug, id: String(req.routeParams?.id ?? '') }

/**
 * GET ?locale=en: the approved source text a translation translates, field by field, and when the
 * translation is stale the source's word-level changes since it was submitted. The source's
 * approved content, never its working copy: a translator translates what was approved. Read-only,
 * for whoever may read the document (every signed-in user).
 */
const handler =
  (target: SubjectTarget): PayloadHandler =>
  async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to read the source text.')
    const locale = req.searchParams.get('locale')
    if (!isLocaleCode(locale))
      return problem(
        400,
        `Unknown locale ${JSON.stringify(locale)}; use one of ${LOCALES.filter((code) => code !== SOURCE_LOCALE).join(', ')}.`,
      )
    if (locale === SOURCE_LOCALE)
      return problem(
        400,
        `${SOURCE_LOCALE} is the source; ask for the source text of a translation (${LOCALES.filter((code) => code !== SOURCE_LOCALE).join(', ')}).`,
      )
    const state = await readLocaleState(req, subjectOf(req, target), locale)
    if (!state)
      return problem(
        404,
        `No ${target.slug} document with id ${JSON.stringify(req.routeParams?.id)}.`,
      )
    const { fields, workflow, source } = state
    const stale = isStale(workflow.sourceHash, source?.approvedHash ?? null)
    return Response.json({
      locale,
      sourceLocale: SOURCE_LOCALE,
      approvedAt: source?.approvedAt ?? null,
      fields: sourceFieldTexts(source?.approvedContent ?? null, fields.localized),
      stale,
      changes: stale
        ? diffSourceContent(workflow.sourceContent, source?.approvedContent ?? null)
        : [],
    })
  }

export const sourceTextEndpoint = (target: SubjectTarget): Endpoint => ({
  path: target.kind === 'global' ? '/source-text' : '/:id/source-text',
  method: 'get',
  handler: handler(target),
})
