import type { PayloadRequest } from 'payload'

import { SOURCE_LOCALE, type LocaleCode } from '@/config/locales'
import type { User } from '@/payload-types'
import { describeActor, lastActionFor } from '@/audit/actorLabel'
import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { adminText, sayFor } from '@/i18n/adminText'
import { subjectContentFields } from './contentFields'
import { checkAction, type DocumentFacts } from './availableActions'
import type { ContentFields } from './contentHash'
import { localeHasText } from './localeText'
import { queueWorkflowNotifications } from './notifications'
import { isStale } from './sourceTracking'
import { TRANSITIONS } from './transitions'
import { CONFIRM_SOURCE, subjectKey, type EndpointAction, type WorkflowSubject } from './types'
import {
  readLocaleContent,
  readLocaleWorkflow,
  writeLocaleWorkflow,
  type LocaleWorkflow,
} from './workflowStore'

/** The facts the action rule needs, from the locale's content and workflow row. */
export const documentFacts = (
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
 * What an action and the workflow's GET read for one locale of a document: its content, its
 * workflow row, the source locale's row and whether the translation is stale; null when there is
 * no such document.
 */
export const readLocaleState = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
  locale: LocaleCode,
) => {
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

export type ActionOutcome =
  | {
      ok: true
      state: LocaleWorkflow['state']
      locale: LocaleCode
      contentHash: string
      lastAction: ReturnType<typeof lastActionFor>
      sourceHash: string | null
    }
  | { ok: false; status: 400 | 403 | 404 | 409; message: string; code?: 'content-changed' }

/** What the person acting saw: when given, the action is taken only on that exact text. */
export type ActionBasis = { contentHash?: string }

/**
 * Takes one workflow action on one document in one locale, as `user`: every check passes before
 * anything is written, and the state and its audit event are written together. Run it inside the
 * request's transaction. The workflow endpoint and bulk actions both go through here. With
 * `basis.contentHash`, a working copy saved since the caller read it is refused (409, content-changed).
 */
export const takeWorkflowAction = async (
  req: PayloadRequest,
  user: User,
  subject: WorkflowSubject,
  locale: LocaleCode,
  action: EndpointAction,
  reason: string | null,
  basis: ActionBasis = {},
): Promise<ActionOutcome> => {
  const state = await readLocaleState(req, subject, locale)
  if (!state)
    return {
      ok: false,
      status: 404,
      message: adminText(req, 'kaijiAdmin:messages:workflow:noDocument'),
    }
  const { fields, current, workflow, source, stale } = state
  const givenReason = reason?.trim() ? reason.trim() : null
  const at = new Date().toISOString()
  const check = checkAction({
    user,
    document: documentFacts(current.content, fields, workflow, stale),
    locale,
    state: workflow.state,
    action,
    reason: givenReason ?? undefined,
    say: sayFor(req),
  })
  if (!check.ok) return check
  // An approval names the text reviewed: a save since the panel showed it is never approved unseen.
  if (basis.contentHash !== undefined && basis.contentHash !== current.hash)
    return {
      ok: false,
      status: 409,
      code: 'content-changed',
      message: adminText(req, 'kaijiAdmin:messages:workflow:contentChanged'),
    }

  let next: LocaleWorkflow
  if (action === CONFIRM_SOURCE) {
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
    const to = TRANSITIONS[action].to
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
    action,
    subject: subjectKey(subject),
    locale,
    fromState: workflow.state,
    toState: next.state,
    reason: givenReason,
    contentHash: current.hash,
  })
  await queueWorkflowNotifications(req, {
    actor: user,
    subject,
    locale,
    action,
    note: givenReason,
    at,
  })
  return {
    ok: true,
    state: next.state,
    locale,
    contentHash: current.hash,
    lastAction: lastActionFor(next.lastAction, user),
    sourceHash: next.sourceHash,
  }
}
