import {
  APIError,
  isolateObjectProperty,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type Field,
  type GlobalAfterChangeHook,
  type GlobalBeforeChangeHook,
  type PayloadRequest,
} from 'payload'

import { mayEditLocale } from '@/access/canEditRequestedLocale'
import { LOCALES } from '@/config/locales'
import { adminText, localeName, localeNames, sayFor } from '@/i18n/adminText'
import { fieldLabel } from '@/i18n/fieldLabel'
import type { User } from '@/payload-types'
import { describeActor } from '@/audit/actorLabel'
import { appendAuditEvent } from '@/audit/appendAuditEvent'
import { subjectContentFields, subjectFields } from '../contentFields'
import { changedLocales, type LocaleChange } from '../localeChanges'
import { subjectKey, type WorkflowSubject } from '../types'
import {
  readLocaleContent,
  readLocaleWorkflow,
  readSubjectWorkflows,
  removeSubjectWorkflows,
  writeLocaleWorkflow,
} from '../workflowStore'

/** Set by the importer and the workflow itself: their writes are recorded by them, not as edits. */
export const SKIP_EDIT_TRACKING = 'kaijiSkipEditTracking'

/** The stored documents a request is changing, in every locale, read before the change: by subject key. */
const STORED_BEFORE = 'kaijiStoredBefore'

type Doc = Record<string, unknown>

/** The stored document in every locale, read inside the request's transaction without changing its locale. */
const readEveryLocale = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
): Promise<Doc | null> => {
  const readReq = isolateObjectProperty(req, ['locale', 'fallbackLocale'])
  const common = { locale: 'all', depth: 0, overrideAccess: true, req: readReq } as const
  if (subject.kind === 'global')
    return { ...(await req.payload.findGlobal({ slug: subject.slug, ...common })) }
  return (await req.payload.findByID({
    collection: subject.slug,
    id: subject.id,
    disableErrors: true,
    ...common,
  })) as Doc | null
}

const storedBefore = (req: PayloadRequest): Map<string, Doc | null> => {
  const existing = req.context[STORED_BEFORE]
  if (existing instanceof Map) return existing as Map<string, Doc | null>
  const created = new Map<string, Doc | null>()
  req.context[STORED_BEFORE] = created
  return created
}

const rememberStoredDocument = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
): Promise<void> => {
  if (req.context[SKIP_EDIT_TRACKING]) return
  storedBefore(req).set(subjectKey(subject), await readEveryLocale(req, subject))
}

/** Each refused locale by name, with the fields it would change as the form labels them. */
const localeList = (
  req: PayloadRequest,
  fields: readonly Field[],
  changes: readonly LocaleChange[],
): string =>
  changes
    .map((change) =>
      adminText(req, 'kaijiAdmin:messages:edits:localeChange', {
        localeName: localeName(sayFor(req), change.locale),
        fields: change.fields
          .map((field) => fieldLabel(req, fields, field))
          .join(adminText(req, 'kaijiAdmin:messages:listSeparator')),
      }),
    )
    .join('; ')

/**
 * The one place every change to reviewed content passes, whatever route made it (REST, GraphQL, the
 * admin, copy-to-locale, bulk update, duplicate, the Local API): compares the stored document before
 * and after in every locale and shared field, refuses a change to a locale the writer may not edit,
 * and for each locale that changed sends it back to draft (revoking an approval), records the writer
 * as its editor (for the four-eyes rule) and appends an audit event, in the request's transaction.
 */
const recordChanges = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
  isNew: boolean,
): Promise<void> => {
  if (req.context[SKIP_EDIT_TRACKING]) return
  const key = subjectKey(subject)
  const before = isNew ? null : storedBefore(req).get(key)
  storedBefore(req).delete(key)
  if (before === undefined) {
    throw new APIError(
      `The change to ${key} was not seen before it was made, so it cannot be reviewed; nothing was saved.`,
      500,
    )
  }
  const after = await readEveryLocale(req, subject)
  if (!after) return
  const configFields = subjectFields(req.payload, subject)
  const changes = changedLocales(before, after, configFields, LOCALES)
  if (changes.length === 0) return

  const user = req.user as User | null
  if (user) {
    const refused = changes.filter((change) => !mayEditLocale(user, change.locale))
    if (refused.length > 0) {
      throw new APIError(
        adminText(req, 'kaijiAdmin:messages:edits:localeNotYours', {
          changes: localeList(req, configFields, refused),
        }),
        403,
        null,
        true,
      )
    }
  }

  const editor = user ? String(user.id) : 'system'
  const label = describeActor(user)
  const at = new Date().toISOString()
  const fields = subjectContentFields(req.payload, subject)
  for (const change of changes) {
    const workflow = await readLocaleWorkflow(req.payload, req, subject, change.locale)
    const wasApproved = workflow.state === 'approved' || workflow.state === 'published'
    await writeLocaleWorkflow(req.payload, req, subject, change.locale, {
      ...workflow,
      state: 'draft',
      editedSinceApproval: [...new Set([...workflow.editedSinceApproval, editor])],
      lastAction: {
        action: 'edit',
        by: label,
        at,
        from: workflow.state,
        to: 'draft',
        reason: null,
        fields: change.fields,
      },
    })
    const current = await readLocaleContent(req.payload, req, subject, fields, change.locale)
    await appendAuditEvent(req.payload, req, {
      actorId: user ? String(user.id) : null,
      actorLabel: label,
      action: 'edit',
      subject: key,
      locale: change.locale,
      fromState: workflow.state,
      toState: 'draft',
      reason: wasApproved ? 'approval revoked by an edit' : null,
      contentHash: current?.hash ?? null,
    })
  }
}

/** A document that was ever approved in some locale is on record: it is retired, never deleted. */
const refuseDeletingApprovedContent = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
): Promise<void> => {
  const approved = (await readSubjectWorkflows(req.payload, req, subject)).filter(
    (row) => row.approvedHash,
  )
  if (approved.length === 0) return
  throw new APIError(
    adminText(req, 'kaijiAdmin:messages:edits:approvedStaysOnRecord', {
      locales: localeNames(
        sayFor(req),
        approved.map((row) => row.locale),
      ),
    }),
    403,
    null,
    true,
  )
}

/** A deleted draft's workflow rows are closed with it, so nothing of them can pass to another document. */
const closeDeletedDocument = async (
  req: PayloadRequest,
  subject: WorkflowSubject,
): Promise<void> => {
  const rows = await removeSubjectWorkflows(req.payload, req, subject)
  const user = req.user as User | null
  for (const row of rows) {
    await appendAuditEvent(req.payload, req, {
      actorId: user ? String(user.id) : null,
      actorLabel: describeActor(user),
      action: 'delete',
      subject: subjectKey(subject),
      locale: row.locale,
      fromState: row.state,
      toState: null,
      reason: 'document deleted',
      contentHash: null,
    })
  }
}

type CategorySlug = 'partner-categories'

/**
 * Payload's bulk update and delete carry on past a document that fails and commit the rest, the
 * failed document's own write included when its refusal came after the write. Reviewed content
 * changes all or nothing: one refusal rolls the whole request back.
 */
export const refusePartialBulkChange: CollectionAfterOperationHook<CategorySlug> = ({
  operation,
  req,
  result,
}) => {
  if (operation !== 'update' && operation !== 'delete') return result
  const errors = (result as { errors?: Array<{ id?: unknown; message?: string }> }).errors ?? []
  if (errors.length === 0) return result
  const reasons = errors
    .map((error) =>
      adminText(req, 'kaijiAdmin:messages:edits:documentRefused', {
        id: String(error.id),
        message: error.message ?? 'refused',
      }),
    )
    .join('; ')
  throw new APIError(
    adminText(
      req,
      operation === 'update'
        ? 'kaijiAdmin:messages:edits:nothingChanged'
        : 'kaijiAdmin:messages:edits:nothingDeleted',
      { reasons },
    ),
    400,
    null,
    true,
  )
}

export const rememberCollectionDocument =
  (slug: CategorySlug): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const id = (originalDoc as Doc | undefined)?.id
    if (operation === 'update' && (typeof id === 'number' || typeof id === 'string')) {
      await rememberStoredDocument(req, { kind: 'collection', slug, id })
    }
    return data
  }

export const recordCollectionChanges =
  (slug: CategorySlug): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    await recordChanges(req, { kind: 'collection', slug, id: doc.id }, operation === 'create')
    return doc
  }

export const refuseCollectionDelete =
  (slug: CategorySlug): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await refuseDeletingApprovedContent(req, { kind: 'collection', slug, id })
  }

export const closeCollectionDocument =
  (slug: CategorySlug): CollectionAfterDeleteHook =>
  async ({ doc, id, req }) => {
    await closeDeletedDocument(req, { kind: 'collection', slug, id })
    return doc
  }

export const rememberGlobalDocument =
  (slug: 'partners-page'): GlobalBeforeChangeHook =>
  async ({ data, req }) => {
    await rememberStoredDocument(req, { kind: 'global', slug })
    return data
  }

export const recordGlobalChanges =
  (slug: 'partners-page'): GlobalAfterChangeHook =>
  async ({ doc, req }) => {
    await recordChanges(req, { kind: 'global', slug }, false)
    return doc
  }
