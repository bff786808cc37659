import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { isLocaleCode, LOCALES, SOURCE_LOCALE } from '@/config/locales'
import {
  inTransaction,
  problem,
  readJsonObject,
  unknownFieldsRefusal,
} from '@/http/endpointHelpers'
import type { User } from '@/payload-types'
import { auditHistory } from '@/audit/auditHistory'
import { optionalActorLabelFor, lastActionFor } from '@/audit/actorLabel'
import { diffFields } from '@/diff/fieldChange'
import { availableActions } from '../availableActions'
import { isContentHash } from '../contentHash'
import { diffSourceContent, isStale } from '../sourceTracking'
import { outboxQueued } from '@/outbox/signal'
import { documentFacts, readLocaleState, takeWorkflowAction } from '../takeAction'
import { ENDPOINT_ACTIONS, subjectKey, type EndpointAction, type WorkflowSubject } from '../types'
import type { LocaleWorkflow } from '../workflowStore'

const MAX_REASON_LENGTH = 2_000
const POST_FIELDS = ['action', 'locale', 'reason', 'contentHash'] as const

const subjectOf = (req: PayloadRequest, target: SubjectTarget): WorkflowSubject =>
  target.kind === 'global'
    ? { kind: 'global', slug: target.slug }
    : { kind: 'collection', slug: target.slug, id: String(req.routeParams?.id ?? '') }

export type SubjectTarget =
  { kind: 'collection'; slug: 'partner-categories' } | { kind: 'global'; slug: 'partners-page' }

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
      return problem(
        400,
        'The body must be a JSON object: { "action", "locale", "reason"?, "contentHash"? }.',
      )
    const unknownFields = unknownFieldsRefusal(body, POST_FIELDS)
    if (unknownFields) return unknownFields
    const { action, locale, reason, contentHash } = body
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
    if (contentHash !== undefined && !isContentHash(contentHash))
      return problem(
        400,
        'The contentHash must be the 64 lowercase hexadecimal characters of the contentHash that GET …/workflow returned.',
      )

    const response = await inTransaction(req, async () => {
      const outcome = await takeWorkflowAction(
        req,
        user,
        subjectOf(req, target),
        locale,
        action as EndpointAction,
        typeof reason === 'string' ? reason : null,
        typeof contentHash === 'string' ? { contentHash } : {},
      )
      if (!outcome.ok)
        return outcome.status === 404
          ? noSuchDocument(req, target)
          : problem(outcome.status, outcome.message, outcome.code)
      const { ok: _ok, ...answer } = outcome
      return Response.json(answer)
    })
    // The emails the action queued (to reviewers, to the author) leave now, not at the next poll.
    if (response.ok) outboxQueued()
    return response
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

/** GET ?locale=xx: state, history and a field-by-field diff (and word-level redline) of the working copy against what was approved. */
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
    const state = await readLocaleState(req, subjectOf(req, target), locale)
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
      // The working copy against what was approved, word by word (all new when never approved).
      redline: diffFields(workflow.approvedContent, current.content, locale),
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
