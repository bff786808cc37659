import { isolateObjectProperty, type Payload, type PayloadRequest } from 'payload'

import { appendAuditEvent } from '../audit/appendAuditEvent'
import { SOURCE_LOCALE } from '../config/locales'
import type { WorkflowState as WorkflowStateRow } from '../payload-types'
import { hashContent, localeContent, type ContentFields } from './contentHash'
import { isStale } from './sourceTracking'
import { subjectKey, type WorkflowState, type WorkflowSubject } from './types'

export type LocaleWorkflow = {
  state: WorkflowState
  approvedHash: string | null
  approvedContent: Record<string, unknown> | null
  approvedAt: string | null
  approvedBy: string | null
  editedSinceApproval: string[]
  lastAction: Record<string, unknown> | null
  /** Target locales: the approved source content (hash and content) this translation translates. */
  sourceHash: string | null
  sourceContent: Record<string, unknown> | null
  approvedSourceHash: string | null
  /** The stored row, when there is one: lets a read-then-write touch the row once more, not twice. */
  rowId?: number | string
}

const INITIAL: LocaleWorkflow = {
  state: 'draft',
  approvedHash: null,
  approvedContent: null,
  approvedAt: null,
  approvedBy: null,
  editedSinceApproval: [],
  lastAction: null,
  sourceHash: null,
  sourceContent: null,
  approvedSourceHash: null,
}

const system = { overrideAccess: true, depth: 0 } as const

const rowKey = (subject: WorkflowSubject, locale: string) => `${subjectKey(subject)}:${locale}`

const toLocaleWorkflow = (row: WorkflowStateRow | undefined): LocaleWorkflow =>
  row
    ? {
        state: row.state,
        approvedHash: row.approvedHash ?? null,
        approvedContent: (row.approvedContent as Record<string, unknown> | null) ?? null,
        approvedAt: row.approvedAt ?? null,
        approvedBy: row.approvedBy ?? null,
        editedSinceApproval: Array.isArray(row.editedSinceApproval)
          ? row.editedSinceApproval.map(String)
          : [],
        lastAction: (row.lastAction as Record<string, unknown> | null) ?? null,
        sourceHash: row.sourceHash ?? null,
        sourceContent: (row.sourceContent as Record<string, unknown> | null) ?? null,
        approvedSourceHash: row.approvedSourceHash ?? null,
        rowId: row.id,
      }
    : { ...INITIAL }

export const readLocaleWorkflow = async (
  payload: Payload,
  req: PayloadRequest,
  subject: WorkflowSubject,
  locale: string,
): Promise<LocaleWorkflow> => {
  const { docs } = await payload.find({
    collection: 'workflow-states',
    where: { key: { equals: rowKey(subject, locale) } },
    limit: 1,
    req,
    ...system,
  })
  return toLocaleWorkflow(docs[0])
}

/** Pass what readLocaleWorkflow returned (spread into the new values), so the row is found by id. */
export const writeLocaleWorkflow = async (
  payload: Payload,
  req: PayloadRequest,
  subject: WorkflowSubject,
  locale: string,
  workflow: LocaleWorkflow,
): Promise<void> => {
  const { rowId, ...fields } = workflow
  const data = { key: rowKey(subject, locale), subject: subjectKey(subject), locale, ...fields }
  if (rowId !== undefined)
    await payload.update({ collection: 'workflow-states', id: rowId, data, req, ...system })
  else await payload.create({ collection: 'workflow-states', data, req, ...system })
}

/** Every locale's workflow row of one document. */
export const readSubjectWorkflows = async (
  payload: Payload,
  req: PayloadRequest,
  subject: WorkflowSubject,
): Promise<WorkflowStateRow[]> => {
  const { docs } = await payload.find({
    collection: 'workflow-states',
    where: { subject: { equals: subjectKey(subject) } },
    pagination: false,
    req,
    ...system,
  })
  return docs
}

/** Removes a deleted document's workflow rows and returns them (the audit trail keeps their history). */
export const removeSubjectWorkflows = async (
  payload: Payload,
  req: PayloadRequest,
  subject: WorkflowSubject,
): Promise<WorkflowStateRow[]> => {
  const rows = await readSubjectWorkflows(payload, req, subject)
  if (rows.length > 0) {
    await payload.delete({
      collection: 'workflow-states',
      where: { subject: { equals: subjectKey(subject) } },
      req,
      ...system,
    })
  }
  return rows
}

/** The document's reviewable content in one locale, and its hash; null when it does not exist. */
export const readLocaleContent = async (
  payload: Payload,
  req: PayloadRequest,
  subject: WorkflowSubject,
  fields: ContentFields,
  locale: string,
): Promise<{ content: Record<string, unknown>; hash: string } | null> => {
  // The Local API sets the locale it reads on the request it is given; the caller's request keeps its own.
  const readReq = isolateObjectProperty(req, ['locale', 'fallbackLocale'])
  let doc: Record<string, unknown> | null
  if (subject.kind === 'global') {
    doc = {
      ...(await payload.findGlobal({
        slug: subject.slug,
        locale: locale as 'ja',
        req: readReq,
        ...system,
      })),
    }
  } else {
    doc = (await payload.findByID({
      collection: subject.slug,
      id: subject.id,
      locale: locale as 'ja',
      disableErrors: true,
      req: readReq,
      ...system,
    })) as Record<string, unknown> | null
  }
  if (!doc) return null
  const content = localeContent(doc, fields, locale)
  return { content, hash: hashContent(content) }
}

export type SourceState = 'up to date' | 'stale'

/** For a translation: whether it still translates the approved source; null for the source itself or a never-submitted translation. */
export const readSourceState = async (
  payload: Payload,
  req: PayloadRequest,
  subject: WorkflowSubject,
  locale: string,
): Promise<SourceState | null> => {
  if (locale === SOURCE_LOCALE) return null
  const [translation, source] = await Promise.all([
    readLocaleWorkflow(payload, req, subject, locale),
    readLocaleWorkflow(payload, req, subject, SOURCE_LOCALE),
  ])
  if (translation.sourceHash === null) return null
  return isStale(translation.sourceHash, source.approvedHash) ? 'stale' : 'up to date'
}

/**
 * Every workflow row by its key (`subject:locale`), in one query: for views over all documents and
 * locales, and for releases, which assemble from the approvals (optionally only some locales, inside
 * the caller's transaction).
 */
export const readAllWorkflowRows = async (
  payload: Payload,
  { req, locales }: { req?: PayloadRequest; locales?: readonly string[] } = {},
): Promise<Map<string, WorkflowStateRow>> => {
  const { docs } = await payload.find({
    collection: 'workflow-states',
    ...(locales ? { where: { locale: { in: [...locales] } } } : {}),
    limit: 0,
    pagination: false,
    ...(req ? { req } : {}),
    ...system,
  })
  return new Map(docs.map((row) => [row.key, row]))
}

/**
 * A document is `published` in a locale exactly when the approved version it holds is the one in
 * the locale's newest release; otherwise an approved document is `approved`. Publish and rollback
 * both end with this (`released`: content hash per subject key), so the states always say what
 * the release contains.
 */
export const markPublished = async ({
  payload,
  req,
  locale,
  released,
  reason,
  actor,
  at,
}: {
  payload: Payload
  req: PayloadRequest
  locale: string
  released: ReadonlyMap<string, string>
  reason: string
  actor: { id: string | null; label: string }
  at: string
}): Promise<void> => {
  const { docs } = await payload.find({
    collection: 'workflow-states',
    where: { and: [{ locale: { equals: locale } }, { state: { in: ['approved', 'published'] } }] },
    limit: 0,
    pagination: false,
    req,
    ...system,
  })
  for (const row of docs) {
    const state = released.get(row.subject) === row.approvedHash ? 'published' : 'approved'
    if (state === row.state) continue
    const lastAction = {
      action: 'publish',
      by: actor.label,
      at,
      from: row.state,
      to: state,
      reason,
    }
    await payload.update({
      collection: 'workflow-states',
      id: row.id,
      data: { state, lastAction },
      req,
      ...system,
    })
    await appendAuditEvent(payload, req, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'publish',
      subject: row.subject,
      locale,
      fromState: row.state,
      toState: state,
      reason,
      contentHash: row.approvedHash ?? null,
    })
  }
}
