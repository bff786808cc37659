import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { isLocaleCode, LOCALES, SOURCE_LOCALE, type LocaleCode } from '@/config/locales'
import { inTransaction, problem, readJsonObject } from '@/http/endpointHelpers'
import type { User } from '@/payload-types'
import { auditHistory } from '@/audit/auditHistory'
import { describeActor, lastActionFor, optionalActorLabelFor } from '@/audit/actorLabel'
import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { subjectContentFields } from '../contentFields'
import { diffContent } from '../approvalDiff'
import { availableActions, checkAction, type DocumentFacts } from '../availableActions'
import type { ContentFields } from '../contentHash'
import { localeHasText } from '../localeText'
import { diffSourceContent, isStale } from '../sourceTracking'
import { TRANSITIONS } from '../transitions'
import {
  CONFIRM_SOURCE,
  ENDPOINT_ACTIONS,
  subjectKey,
  type EndpointAction,
  type WorkflowAction,
  type WorkflowSubject,
} from '../types'
import {
  readLocaleContent,
  readLocaleWorkflow,
  writeLocaleWorkflow,
  type LocaleWorkflow,
} from '../workflowStore'

const MAX_REASON_LENGTH = 2_000

const subjectOf = (req: PayloadRequest, target: SubjectTarget): WorkflowSubject =>
  target.kind === 'global'
    ? { kind: 'global', slug: target.slug }
    : { kind: 'collection', slug: target.slug, id: String(req.routeParams?.id ?? '') }

export type SubjectTarget =
  { kind: 'collection'; slug: 'partner-categories' } | { kind: 'global'; slug: 'partners-page' }

/** The facts the action rule needs, from the locale's content and workflow row. */
const documentFacts = (
  content: Record<string, unknown>,
  fields: ContentFields,
  workflow: LocaleWorkflow,
  stale: boolean,
): DocumentFacts => ({
  hasContent: localeHasText(content, fields.localized),
  editedSinceApproval: workflow.editedSinceApproval,
  stale,
})

/**
 * What both handlers read for one locale of a document: its content, its workflow row, the source
 * locale's row and whether the translation is stale; null when there is no such document.
 */
const readLocaleState = async (req: PayloadRequest, target: SubjectTarget, locale: LocaleCode) => {
  const subject = subjectOf(req, target)
  const fields = subjectContentFields(req.payload, subject)
  const current = await readLocaleContent(req.payload, req, subject, fields, locale)
  if (!current) return null
  const workflow = await readLocaleWorkflow(req.payload, req, subject, locale)
  const source =
    locale === SOURCE_LOCALE
      ? null
      : await readLocaleWorkflow(req.payload, req, subject, SOURCE_LOCALE)
  const stale = source !== null && isStale(workflow.sourceHash, source.approvedHash)
  return { subject, fields, current, workflow, source, stale }
}

const noSuchDocument = (req: PayloadRequest, target: SubjectTarget): Response =>
  problem(404, `No ${target.slug} document with id ${JSON.stringify(req.routeParams?.id)}.`)

/** POST: take an action. Every check passes before anything is written; state and event commit together. */
const postHandler =
  (target: SubjectTarget): PayloadHandler =>
  async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to use the workflow.')
    const body = await readJsonObject(req)
    if (!body)
      return problem(400, 'The body must be a JSON object: { "action", "locale", "reason"? }.')
    const { action, locale, reason } = body
    if (typeof action !== 'string' || !(ENDPOINT_ACTIONS as readonly string[]).includes(action)) {
      return problem(
        400,
        `Unknown action ${JSON.stringify(action)}; use one of ${ENDPOINT_ACTIONS.join(', ')}.`,
      )
    }
    if (!isLocaleCode(locale))
      return problem(
        400,
        `Unknown locale ${JSON.stringify(locale)}; use one of ${LOCALES.join(', ')}.`,
      )
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH)) {
      return problem(400, `The reason must be text of at most ${MAX_REASON_LENGTH} characters.`)
    }

    return inTransaction(req, async () => {
      const state = await readLocaleState(req, target, locale)
      if (!state) return noSuchDocument(req, target)
      const { subject, fields, current, workflow, source, stale } = state
      const givenReason = typeof reason === 'string' && reason.trim() ? reason.trim() : null
      const at = new Date().toISOString()
      const check = checkAction({
        user,
        document: documentFacts(current.content, fields, workflow, stale),
        locale,
        state: workflow.state,
        action: action as EndpointAction,
        reason: givenReason ?? undefined,
      })
      if (!check.ok) return problem(check.status, check.message)

      let next: LocaleWorkflow
      if ((action as EndpointAction) === CONFIRM_SOURCE) {
        const approved = workflow.state === 'approved' || workflow.state === 'published'
        next = {
          ...workflow,
          sourceHash: source?.approvedHash ?? null,
          sourceContent: source?.approvedContent ?? null,
          ...(approved ? { approvedSourceHash: source?.approvedHash ?? null } : {}),
          lastAction: {
            action,
            by: describeActor(user),
            at,
            from: workflow.state,
            to: workflow.state,
            reason: givenReason,
          },
        }
      } else {
        const to = TRANSITIONS[action as WorkflowAction].to
        next = {
          ...workflow,
          state: to,
          // A submitted translation claims to translate the source as approved now.
          ...(action === 'submit' && source
            ? { sourceHash: source.approvedHash, sourceContent: source.approvedContent }
            : {}),
          ...(action === 'approve'
            ? {
                approvedHash: current.hash,
                approvedContent: current.content,
                approvedAt: at,
                approvedBy: describeActor(user),
                editedSinceApproval: [],
                approvedSourceHash: workflow.sourceHash,
              }
            : {}),
          lastAction: {
            action,
            by: describeActor(user),
            at,
            from: workflow.state,
            to,
            reason: givenReason,
          },
        }
      }
      await writeLocaleWorkflow(req.payload, req, subject, locale, next)
      await appendAuditEvent(req.payload, req, {
        actorId: String(user.id),
        actorLabel: describeActor(user),
        action: action as EndpointAction,
        subject: subjectKey(subject),
        locale,
        fromState: workflow.state,
        toState: next.state,
        reason: givenReason,
        contentHash: current.hash,
      })
      return Response.json({
        state: next.state,
        locale,
        contentHash: current.hash,
        lastAction: lastActionFor(next.lastAction, user),
        sourceHash: next.sourceHash,
      })
    })
  }

/** For a translation: which approved source it translates, whether that is still the current one, and what changed since. */
const sourceStatus = (translation: LocaleWorkflow, source: LocaleWorkflow) => {
  const stale = isStale(translation.sourceHash, source.approvedHash)
  return {
    locale: SOURCE_LOCALE,
    stale,
    translatedHash: translation.sourceHash,
    approvedTranslatedHash: translation.approvedSourceHash,
    currentHash: source.approvedHash,
    currentApprovedAt: source.approvedAt,
    changes: stale ? diffSourceContent(translation.sourceContent, source.approvedContent) : [],
  }
}

/** GET ?locale=xx: state, history and a field-by-field diff of the working copy against what was approved. */
const getHandler =
  (target: SubjectTarget): PayloadHandler =>
  async (req) => {
    const user = req.user as User | null
    if (!user) return problem(401, 'Sign in to read the workflow.')
    const locale = req.searchParams.get('locale')
    if (!isLocaleCode(locale))
      return problem(
        400,
        `Unknown locale ${JSON.stringify(locale)}; use one of ${LOCALES.join(', ')}.`,
      )
    const state = await readLocaleState(req, target, locale)
    if (!state) return noSuchDocument(req, target)
    const { subject, fields, current, workflow, source: sourceWorkflow, stale } = state
    return Response.json({
      locale,
      state: workflow.state,
      contentHash: current.hash,
      approvedHash: workflow.approvedHash,
      approvedAt: workflow.approvedAt,
      approvedBy: optionalActorLabelFor(workflow.approvedBy, user),
      changedSinceApproval: workflow.approvedHash !== current.hash,
      youEditedSinceApproval: workflow.editedSinceApproval.includes(String(user.id)),
      availableActions: availableActions(
        user,
        documentFacts(current.content, fields, workflow, stale),
        locale,
        workflow.state,
      ),
      lastAction: lastActionFor(workflow.lastAction, user),
      history: await auditHistory(req, subjectKey(subject), locale),
      diff: diffContent(workflow.approvedContent, current.content),
      source: sourceWorkflow ? sourceStatus(workflow, sourceWorkflow) : null,
    })
  }

export const workflowEndpoints = (target: SubjectTarget): Endpoint[] => {
  const path = target.kind === 'global' ? '/workflow' : '/:id/workflow'
  return [
    { path, method: 'post', handler: postHandler(target) },
    { path, method: 'get', handler: getHandler(target) },
  ]
}
