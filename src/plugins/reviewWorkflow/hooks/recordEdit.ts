import type { CollectionAfterChangeHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'

import { isLocaleCode } from '../../../config/locales'
import type { User } from '../../../payload-types'
import { subjectContentFields } from '../contentFields'
import { hashContent, localeContent } from '../contentHash'
import { subjectKey, type WorkflowSubject } from '../types'
import { appendAuditEvent, describeActor, readLocaleWorkflow, writeLocaleWorkflow } from '../workflowStore'

/** Set by the importer and the workflow itself: their writes are recorded by them, not as edits. */
export const SKIP_EDIT_TRACKING = 'kaijiSkipEditTracking'

/**
 * Any change to a locale's content sends that locale (only that one) back to draft, revoking an
 * approval, and remembers who edited it since the last approval (for the four-eyes rule).
 */
const recordEdit = async ({
  req,
  subject,
  doc,
  previousDoc,
}: {
  req: PayloadRequest
  subject: WorkflowSubject
  doc: Record<string, unknown>
  previousDoc: Record<string, unknown> | undefined
}): Promise<void> => {
  const locale = req.locale
  if (req.context[SKIP_EDIT_TRACKING] || !isLocaleCode(locale)) return
  const fields = subjectContentFields(req.payload, subject)
  const contentHash = hashContent(localeContent(doc, fields, locale))
  if (previousDoc && hashContent(localeContent(previousDoc, fields, locale)) === contentHash) return

  const workflow = await readLocaleWorkflow(req.payload, req, subject, locale)
  const user = req.user as User | null
  const editor = user ? String(user.id) : 'system'
  const label = describeActor(user)
  await writeLocaleWorkflow(req.payload, req, subject, locale, {
    ...workflow,
    state: 'draft',
    editedSinceApproval: [...new Set([...workflow.editedSinceApproval, editor])],
    lastAction: { action: 'edit', by: label, at: new Date().toISOString(), from: workflow.state, to: 'draft', reason: null },
  })
  await appendAuditEvent(req.payload, req, {
    actorId: user ? String(user.id) : null,
    actorLabel: label,
    action: 'edit',
    subject: subjectKey(subject),
    locale,
    fromState: workflow.state,
    toState: 'draft',
    reason: workflow.state === 'approved' || workflow.state === 'published' ? 'approval revoked by an edit' : null,
    contentHash,
  })
}

export const recordCollectionEdit =
  (slug: 'partner-categories'): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req, operation }) => {
    await recordEdit({
      req,
      subject: { kind: 'collection', slug, id: doc.id },
      doc,
      previousDoc: operation === 'create' ? undefined : previousDoc,
    })
    return doc
  }

export const recordGlobalEdit =
  (slug: 'partners-page'): GlobalAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await recordEdit({ req, subject: { kind: 'global', slug }, doc, previousDoc })
    return doc
  }
