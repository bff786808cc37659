import type { Payload, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import { settings } from '../config/settings'
import type { WorkflowState as WorkflowStateRow } from '../payload-types'
import { appendAuditEvent } from '../audit/appendAuditEvent'
import { markPublished, readAllWorkflowRows, subjectKey } from '../workflow'
import {
  assembleRelease,
  type Assembly,
  type CategoryApprovals,
  type ReleaseSource,
} from './assemble'
import { checkNotice, earliestWithNotice } from './notice'
import { PublishError } from './publishError'
import {
  cancelledBasisWarnings,
  recordedNeeds,
  requestedEffectiveAt,
  timingFor,
} from './publishTiming'
import {
  findRelease,
  latestRelease,
  listCategoryKeys,
  toRelease,
  type StoredRelease,
} from './releaseStore'
import type { SourceTiming } from './sourceBasisStore'
import type { ChangeType, ImportedFrom, ReleaseContent } from './types'

const system = { overrideAccess: true, depth: 0 } as const
const PAGE_SUBJECT = subjectKey({ kind: 'global', slug: 'partners-page' })

export { PublishError }

export type Publisher = { id: string | null; label: string }

const approvalOf = (row: WorkflowStateRow | undefined) => ({
  content: (row?.approvedContent as Record<string, unknown> | null | undefined) ?? null,
  hash: row?.approvedHash ?? null,
  approvedBy: row?.approvedBy ?? null,
})

/** A translation's approval also names the approved source it translates. */
const translationApprovalOf = (row: WorkflowStateRow | undefined, locale: string) => ({
  ...approvalOf(row),
  ...(locale === SOURCE_LOCALE ? {} : { sourceHash: row?.approvedSourceHash ?? null }),
})

/** What a publish of this locale would contain now: approved content only, never the working copy. */
export const assembleFromApprovals = async (
  payload: Payload,
  req: PayloadRequest,
  locale: string,
): Promise<Assembly> => {
  const approvals = await readAllWorkflowRows(payload, {
    req,
    locales: [...new Set([SOURCE_LOCALE, locale])],
  })
  const docs = await listCategoryKeys(payload, req)
  const categories: CategoryApprovals[] = docs.map((doc) => {
    const subject = subjectKey({ kind: 'collection', slug: 'partner-categories', id: doc.id })
    return {
      subject,
      source: approvalOf(approvals.get(`${subject}:${SOURCE_LOCALE}`)),
      target: translationApprovalOf(approvals.get(`${subject}:${locale}`), locale),
    }
  })
  return assembleRelease({
    page: {
      subject: PAGE_SUBJECT,
      ...translationApprovalOf(approvals.get(`${PAGE_SUBJECT}:${locale}`), locale),
    },
    categories,
  })
}

type NewRelease = {
  locale: string
  summary: string
  changeType: ChangeType
  effectiveAt: number
  urgencyReason: string | null
  rollbackOf: number | null
  content: ReleaseContent
  contentHash: string
  sources: ReleaseSource[]
  approvers: string[]
  publisher: Publisher
  now: number
  /** For a target locale: the source release it is based on. */
  sourceReleaseNumber: number | null
  importedFrom?: ImportedFrom | null
}

const writeRelease = async (
  payload: Payload,
  req: PayloadRequest,
  release: NewRelease,
): Promise<StoredRelease> => {
  const latest = await latestRelease(payload, release.locale, req)
  if (latest && latest.contentHash === release.contentHash) {
    throw new PublishError(
      409,
      release.rollbackOf === null
        ? `Nothing to publish: the approved ${release.locale} content is identical to release ${latest.number}.`
        : `Release ${release.rollbackOf} has the same content as release ${latest.number}, the newest ${release.locale} release.`,
      'nothing-to-publish',
      { latest: latest.number },
    )
  }
  const number = (latest?.number ?? 0) + 1
  const publishedAt = new Date(release.now).toISOString()
  const doc = await payload.create({
    collection: 'releases',
    data: {
      title: `${release.locale} release ${number}`,
      locale: release.locale as 'ja',
      number,
      summary: release.summary,
      changeType: release.changeType,
      effectiveAt: new Date(release.effectiveAt).toISOString(),
      publishedAt,
      publishedBy: release.publisher.label,
      approvers: release.approvers,
      urgencyReason: release.urgencyReason,
      rollbackOf: release.rollbackOf,
      sourceReleaseNumber: release.sourceReleaseNumber,
      contentHash: release.contentHash,
      content: release.content,
      sources: release.sources,
      ...(release.importedFrom ? { importedFrom: release.importedFrom } : {}),
    },
    req,
    ...system,
  })
  await appendAuditEvent(payload, req, {
    actorId: release.publisher.id,
    actorLabel: release.publisher.label,
    action: release.rollbackOf === null ? 'publish' : 'rollback',
    subject: `releases:${release.locale}`,
    locale: release.locale,
    fromState: latest ? `release ${latest.number}` : null,
    toState: `release ${number}`,
    reason: release.urgencyReason
      ? `${release.summary} (urgent: ${release.urgencyReason})`
      : release.summary,
    contentHash: release.contentHash,
  })
  await markPublished({
    payload,
    req,
    locale: release.locale,
    released: new Map(release.sources.map((source) => [source.subject, source.contentHash])),
    reason: `${release.rollbackOf === null ? 'published' : 'rolled back'} in release ${number}`,
    actor: release.publisher,
    at: publishedAt,
  })
  return toRelease(doc)
}

/**
 * A published release; for a target locale when and why it takes effect (the source rule); for the
 * source locale, announced translations that wait for a source release this one cancels.
 */
export type PublishedRelease = StoredRelease & {
  sourceTiming: SourceTiming | null
  warnings: string[]
}

/**
 * What a publish or rollback would write, decided as the write decides it: the content, when it takes
 * effect (the requested date, the source rule) and what the notice rule says. The publish panel's
 * preview shows exactly this, so the preview and the publish cannot disagree.
 */
export type ReleasePlan = {
  locale: string
  changeType: ChangeType
  effectiveAt: number
  timing: SourceTiming | null
  /** The notice rule: the earliest date without a reason, and whether this plan meets it. */
  notice: {
    required: boolean
    met: boolean
    days: number
    earliest: number
    message: string | null
  }
  rollbackOf: number | null
  content: ReleaseContent
  contentHash: string
  sources: ReleaseSource[]
  approvers: string[]
  now: number
}

const noticeFor = (
  changeType: ChangeType,
  effectiveAt: number,
  now: number,
  urgencyReason: string | null,
): ReleasePlan['notice'] => {
  const days = settings().materialNoticeDays
  const checked = checkNotice({ changeType, effectiveAt, now, noticeDays: days, urgencyReason })
  return {
    required: changeType === 'material',
    met: checked.ok,
    days,
    earliest: earliestWithNotice(now, days),
    message: checked.ok ? null : checked.message,
  }
}

/** What a publish of the approved content would be; refuses (PublishError) what a publish would refuse, except the notice rule. */
export const planPublish = async (
  payload: Payload,
  req: PayloadRequest,
  request: {
    locale: string
    changeType: ChangeType
    effectiveAt?: string | null
    urgencyReason?: string | null
    now: number
  },
): Promise<ReleasePlan> => {
  const { now } = request
  const requested = requestedEffectiveAt(request.effectiveAt, now)
  const assembly = await assembleFromApprovals(payload, req, request.locale)
  if (!assembly.ok) {
    throw new PublishError(
      409,
      `Cannot publish ${request.locale}: no approved ${request.locale} content for ${assembly.missing.join(', ')}.`,
      'not-ready',
    )
  }
  const timing = await timingFor(payload, req, {
    locale: request.locale,
    needs: assembly.needs,
    content: assembly.content,
    requested,
    now,
  })
  const effectiveAt = timing?.effectiveAt ?? requested ?? now
  return {
    locale: request.locale,
    changeType: request.changeType,
    effectiveAt,
    timing,
    notice: noticeFor(request.changeType, effectiveAt, now, request.urgencyReason ?? null),
    rollbackOf: null,
    content: assembly.content,
    contentHash: assembly.contentHash,
    sources: assembly.sources,
    approvers: assembly.approvers,
    now,
  }
}

/**
 * What a rollback would be: an older release's content again, in effect at once, or for a target
 * locale when the source text it translates takes effect, if that is later.
 */
export const planRollback = async (
  payload: Payload,
  req: PayloadRequest,
  request: { locale: string; toRelease: number; changeType?: ChangeType; now: number },
): Promise<ReleasePlan> => {
  const { now } = request
  const target = await findRelease(payload, request.locale, request.toRelease, req)
  if (!target || Date.parse(target.effectiveAt) > now) {
    throw new PublishError(
      404,
      `There is no ${request.locale} release ${request.toRelease} in effect to roll back to.`,
      'no-rollback-target',
      { number: request.toRelease },
    )
  }
  const needs = request.locale === SOURCE_LOCALE ? [] : await recordedNeeds(payload, req, target)
  const timing = await timingFor(payload, req, {
    locale: request.locale,
    needs,
    content: target.content,
    requested: null,
    now,
  })
  // A rollback undoes changes the public relied on, so it is announced as material unless said otherwise.
  const changeType = request.changeType ?? 'material'
  const effectiveAt = timing?.effectiveAt ?? now
  return {
    locale: request.locale,
    changeType,
    effectiveAt,
    timing,
    // A rollback takes effect at once: it is never held for notice.
    notice: {
      ...noticeFor(changeType, effectiveAt, now, null),
      required: false,
      met: true,
      message: null,
    },
    rollbackOf: target.number,
    content: target.content,
    contentHash: target.contentHash,
    sources: target.sources,
    approvers: target.approvers,
    now,
  }
}

const published = async (
  payload: Payload,
  req: PayloadRequest,
  plan: ReleasePlan,
  release: StoredRelease,
): Promise<PublishedRelease> => ({
  ...release,
  sourceTiming: plan.timing,
  warnings: await cancelledBasisWarnings(payload, req, plan.locale, plan.now),
})

/** Publishes the approved content of one locale as its next release. Call inside a transaction. */
export const publishRelease = async (
  payload: Payload,
  req: PayloadRequest,
  request: {
    locale: string
    summary: string
    changeType: ChangeType
    effectiveAt?: string | null
    urgencyReason?: string | null
    publisher: Publisher
    now?: number
    /** The content hash of the preview the publisher confirmed: other content is not published. */
    previewedContentHash?: string
    /** Only the importer: the source file this release is the already-public page of. */
    importedFrom?: ImportedFrom
  },
): Promise<PublishedRelease> => {
  const plan = await planPublish(payload, req, { ...request, now: request.now ?? Date.now() })
  if (
    request.previewedContentHash !== undefined &&
    request.previewedContentHash !== plan.contentHash
  )
    throw new PublishError(
      409,
      `The approved ${request.locale} content changed since the preview was read: nothing was published. Read the preview again, then confirm.`,
      'content-changed',
    )
  if (!plan.notice.met && plan.notice.message)
    throw new PublishError(400, plan.notice.message, 'notice-too-short', {
      days: plan.notice.days,
      earliest: new Date(plan.notice.earliest).toISOString(),
    })
  const release = await writeRelease(payload, req, {
    ...plan,
    summary: request.summary,
    urgencyReason: request.urgencyReason ?? null,
    publisher: request.publisher,
    sourceReleaseNumber: plan.timing?.sourceRelease.number ?? null,
    importedFrom: request.importedFrom ?? null,
  })
  return published(payload, req, plan, release)
}

/** Publishes an older release's content again (see planRollback). Nothing is deleted. */
export const rollbackRelease = async (
  payload: Payload,
  req: PayloadRequest,
  request: {
    locale: string
    toRelease: number
    reason: string
    changeType?: ChangeType
    publisher: Publisher
    now?: number
  },
): Promise<PublishedRelease> => {
  const plan = await planRollback(payload, req, { ...request, now: request.now ?? Date.now() })
  const release = await writeRelease(payload, req, {
    ...plan,
    summary: `Rollback to release ${request.toRelease}: ${request.reason}`,
    urgencyReason: null,
    publisher: request.publisher,
    sourceReleaseNumber: plan.timing?.sourceRelease.number ?? null,
  })
  return published(payload, req, plan, release)
}
