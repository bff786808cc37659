import type { Payload, PayloadRequest } from 'payload'

import { appendAuditEvent } from '../audit/appendAuditEvent'
import { SOURCE_LOCALE } from '../config/locales'
import { subjectContentFields } from './contentFields'
import { subjectKey, type WorkflowSubject } from './types'
import { readLocaleContent, readLocaleWorkflow, writeLocaleWorkflow } from './workflowStore'

/**
 * Imported source content starts approved in ja, attributed to the import, with an audit event:
 * the import is the legal team's published page, not an edit awaiting review.
 */
export const approveImportedContent = async ({
  payload,
  req,
  subject,
  actor,
}: {
  payload: Payload
  req: PayloadRequest
  subject: WorkflowSubject
  actor: string
}): Promise<void> => {
  const current = await readLocaleContent(
    payload,
    req,
    subject,
    subjectContentFields(payload, subject),
    SOURCE_LOCALE,
  )
  if (!current) return
  const workflow = await readLocaleWorkflow(payload, req, subject, SOURCE_LOCALE)
  const at = new Date().toISOString()
  await writeLocaleWorkflow(payload, req, subject, SOURCE_LOCALE, {
    ...workflow,
    state: 'approved',
    approvedHash: current.hash,
    approvedContent: current.content,
    approvedAt: at,
    approvedBy: actor,
    editedSinceApproval: [],
    lastAction: {
      action: 'import',
      by: actor,
      at,
      from: workflow.state,
      to: 'approved',
      reason: null,
    },
  })
  await appendAuditEvent(payload, req, {
    actorId: null,
    actorLabel: actor,
    action: 'import',
    subject: subjectKey(subject),
    locale: SOURCE_LOCALE,
    fromState: workflow.state,
    toState: 'approved',
    reason: 'imported from the source file',
    contentHash: current.hash,
  })
}
