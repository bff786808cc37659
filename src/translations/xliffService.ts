import type { Payload, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '../config/locales'
import type { User } from '../payload-types'
import {
  isStale,
  readAllWorkflowRows,
  readLocaleWorkflow,
  subjectKey,
  writeLocaleWorkflow,
  type WorkflowState,
  type WorkflowSubject,
} from '../workflow'
import { listReleaseSummaries, readReleaseBody } from '../releases/releaseStore'
import { matchSourceReleases } from '../releases/sourceBasisStore'
import type { ReleaseContent } from '../releases/types'
import { planDocuments, type DocumentPlan, type DocumentSpec } from './xliff/document'
import {
  planImport,
  type DocumentChange,
  type ImportPlan,
  type ImportRefusal,
  type SourceBasis,
  type SourceVersion,
} from './xliff/importPlan'
import type { ReadXliff } from './xliff/read'
import type { Say } from '../i18n/adminText'
import { documentFields, valueAt, type TranslatableField } from './translatableFields'
import { planUnit, type UnitPlan } from './xliff/units'

const system = { overrideAccess: true, depth: 0 } as const

type Subjects = Array<{
  subject: WorkflowSubject
  fileId: string
  original: string
  target: Record<string, unknown>
  fields: TranslatableField[]
}>

/** Every translatable unit of the page and the live categories in `locale`: source = approved ja content, target = the working copy. */
export const planTranslationDocuments = async (
  payload: Payload,
  locale: string,
): Promise<DocumentPlan[]> => {
  const [page, categories, rows] = await Promise.all([
    payload.findGlobal({ slug: 'partners-page', locale: locale as 'ja', ...system }),
    payload.find({
      collection: 'partner-categories',
      locale: locale as 'ja',
      sort: 'order',
      pagination: false,
      ...system,
    }),
    readAllWorkflowRows(payload),
  ])
  const { page: pageFields, category: categoryFields } = documentFields(payload)
  const subjects: Subjects = [
    {
      subject: { kind: 'global', slug: 'partners-page' },
      fileId: 'page',
      original: 'partners-page',
      target: page as unknown as Record<string, unknown>,
      fields: pageFields,
    },
    ...categories.docs.map((category) => ({
      subject: {
        kind: 'collection' as const,
        slug: 'partner-categories' as const,
        id: category.id,
      },
      fileId: `category.${category.key}`,
      original: `partner-categories/${category.key}`,
      target: category as unknown as Record<string, unknown>,
      fields: categoryFields,
    })),
  ]
  const specs = subjects.flatMap(
    ({ subject, fileId, original, target, fields }): DocumentSpec[] => {
      const source = rows.get(`${subjectKey(subject)}:${SOURCE_LOCALE}`)
      const approved = source?.approvedContent
      // Only approved source is translated; a retired category leaves the page with the next release.
      if (
        !approved ||
        typeof approved !== 'object' ||
        (approved as { retired?: unknown }).retired === true
      )
        return []
      const translation = rows.get(`${subjectKey(subject)}:${locale}`)
      const reviewed =
        (translation?.state === 'approved' || translation?.state === 'published') &&
        !isStale(translation.sourceHash ?? null, source.approvedHash ?? null)
      return [
        {
          fileId,
          original,
          subject: subjectKey(subject),
          sourceHash: source.approvedHash ?? null,
          sourceRelease: null,
          targetState: reviewed ? 'reviewed' : 'translated',
          fields: fields.map((field) => ({
            ...field,
            source: valueAt(approved, field.path),
            target: valueAt(target, field.path),
          })),
        },
      ]
    },
  )
  // Which source release each document's approved source text is in, by the same rule publishing uses.
  const match = await matchSourceReleases(payload, undefined, {
    needs: specs.map((spec) => ({
      subject: spec.subject,
      label: spec.fileId,
      sourceHash: spec.sourceHash,
    })),
    structure: null,
    now: Date.now(),
  })
  return planDocuments(
    specs.map((spec, index) => ({
      ...spec,
      sourceRelease: match.documents[index]?.release ?? null,
    })),
  )
}

/** A document's text in a release: the page, or the category its file names. */
const releasedDocument = (content: ReleaseContent, fileId: string): unknown =>
  fileId === 'page'
    ? content.page
    : content.categories.find((category) => `category.${category.key}` === fileId)

/**
 * The earlier approved source texts of `fileIds`, newest first: each source release's text of the
 * document, with the hash the release recorded for it. Read only when a file names no source version
 * and its source is not today's (rare), so every source release is read then.
 */
const sourceHistory = async (
  payload: Payload,
  plans: readonly DocumentPlan[],
  fileIds: readonly string[],
): Promise<Map<string, SourceVersion[]>> => {
  const history = new Map<string, SourceVersion[]>(fileIds.map((fileId) => [fileId, []]))
  const releases = await listReleaseSummaries(payload, SOURCE_LOCALE)
  for (const release of [...releases].reverse()) {
    const body = await readReleaseBody(payload, release.id)
    for (const fileId of fileIds) {
      const plan = plans.find((document) => document.fileId === fileId)
      const released = releasedDocument(body.content, fileId)
      const sourceHash = body.sources.find(
        (source) => source.subject === plan?.subject,
      )?.contentHash
      if (!plan || !released || !sourceHash) continue
      const units = new Map<string, UnitPlan>()
      for (const unit of plan.units) {
        const earlier = planUnit(unit.id, {
          ...unit.field,
          source: valueAt(released, unit.field.path),
          target: null,
        })
        if (earlier) units.set(unit.id, earlier)
      }
      history.get(fileId)?.push({ sourceHash, release: release.number, units })
    }
  }
  return history
}

/**
 * Plans an uploaded file against what an export of `locale` holds now; a document that names no
 * source version and whose source is not today's is looked for among the earlier source releases.
 */
export const planUpload = async (
  payload: Payload,
  file: ReadXliff,
  locale: string,
  say: Say,
): Promise<{ plans: DocumentPlan[]; planned: ImportPlan | ImportRefusal }> => {
  const plans = await planTranslationDocuments(payload, locale)
  const planned = planImport(file, plans, say)
  if ('problems' in planned || planned.unidentified.length === 0) return { plans, planned }
  const history = await sourceHistory(payload, plans, planned.unidentified)
  return { plans, planned: planImport(file, plans, say, history) }
}

/** Per unit of a changed document: which approved source text its translation is recorded as translating. */
export type UnitSourceBasis = {
  unit: string
  basis: SourceBasis['kind']
  /** The source release the text was identified as (`identified`), else null. */
  release: number | null
  /** For `assumed`: this unit's source in the file differs from the approved text now. */
  sourceDiffers: boolean
}

const unitBases = (change: DocumentChange): UnitSourceBasis[] =>
  change.document.units.map((unit) => ({
    unit: unit.id,
    basis: change.sourceBasis.kind,
    release: change.sourceBasis.kind === 'identified' ? change.sourceBasis.release : null,
    sourceDiffers:
      change.staleUnits.includes(unit.id) ||
      (change.sourceBasis.kind === 'assumed' &&
        change.sourceBasis.differingUnits.includes(unit.id)),
  }))

const subjectOfFile = (
  document: DocumentPlan,
  categoryIds: ReadonlyMap<string, number | string>,
): WorkflowSubject => {
  if (document.fileId === 'page') return { kind: 'global', slug: 'partners-page' }
  const id = categoryIds.get(document.fileId)
  if (id === undefined) throw new Error(`no category for ${document.fileId}`)
  return { kind: 'collection', slug: 'partner-categories', id }
}

/** The update data for changed fields: groups are sent whole, their other fields at their current values. */
const updateData = (change: DocumentChange): Record<string, unknown> => {
  const data: Record<string, unknown> = {}
  for (const field of change.document.units.map((unit) => unit.field)) {
    const [group, inner] = field.path.split('.')
    if (!group || !inner || !change.values.has(field.path)) continue
    data[group] = Object.fromEntries(
      change.document.units
        .filter((unit) => unit.field.path.startsWith(`${group}.`))
        .map((unit) => [unit.field.path.slice(group.length + 1), unit.field.target ?? null]),
    )
  }
  for (const [path, value] of change.values) {
    const [group, inner] = path.split('.')
    if (group && inner) (data[group] as Record<string, unknown>)[inner] = value
    else data[path] = value
  }
  return data
}

/** What an import would write, per changed document, and which reviewed documents it would send back to draft. */
export type ImportPreview = Array<{
  file: string
  subject: string
  fields: string[]
  staleUnits: string[]
  sourceBasis: UnitSourceBasis[]
  state: WorkflowState | null
  sendsBackToDraft: boolean
}>

/** An import's plan without writing anything (the dry run the admin shows before it asks to confirm). */
export const previewImport = async (
  payload: Payload,
  locale: string,
  changes: readonly DocumentChange[],
): Promise<ImportPreview> => {
  const rows = await readAllWorkflowRows(payload, { locales: [locale] })
  return changes
    .filter((change) => change.values.size > 0)
    .map((change) => {
      const state = (rows.get(`${change.document.subject}:${locale}`)?.state ??
        null) as WorkflowState | null
      return {
        file: change.document.fileId,
        subject: change.document.subject,
        fields: [...change.values.keys()],
        staleUnits: change.staleUnits,
        sourceBasis: unitBases(change),
        state,
        sendsBackToDraft: state === 'in_review' || state === 'approved' || state === 'published',
      }
    })
}

export type ImportReport = {
  locale: string
  /** Segments whose target was the Japanese source left as it was (a tool's copy): not written. */
  untranslatedSegments: string[]
  written: Array<{
    file: string
    fields: string[]
    staleUnits: string[]
    sourceBasis: UnitSourceBasis[]
  }>
  unchanged: number
}

/**
 * Writes the changed translations as `user` (their access rules apply; each write is an ordinary edit,
 * so the locale goes back to draft) in the request's transaction. A document whose file was exported
 * against an older source is recorded as translating that older source, so it shows as stale.
 */
export const writeImportedTranslations = async (
  req: PayloadRequest,
  user: User,
  locale: string,
  changes: readonly DocumentChange[],
): Promise<ImportReport['written']> => {
  const { docs } = await req.payload.find({
    collection: 'partner-categories',
    pagination: false,
    req,
    ...system,
  })
  const categoryIds = new Map(docs.map((category) => [`category.${category.key}`, category.id]))
  const written: ImportReport['written'] = []
  for (const change of changes) {
    const subject = subjectOfFile(change.document, categoryIds)
    if (change.values.size > 0) {
      const data = updateData(change)
      const asUser = { user, overrideAccess: false, locale: locale as 'ja', req }
      if (subject.kind === 'global')
        await req.payload.updateGlobal({ slug: subject.slug, data, ...asUser })
      else await req.payload.update({ collection: subject.slug, id: subject.id, data, ...asUser })
      if (change.staleUnits.length > 0) {
        const workflow = await readLocaleWorkflow(req.payload, req, subject, locale)
        const basis = change.exportedSourceHash ?? 'unknown (the file names no source version)'
        if (workflow.sourceHash !== basis)
          await writeLocaleWorkflow(req.payload, req, subject, locale, {
            ...workflow,
            sourceHash: basis,
            sourceContent: null,
          })
      }
    }
    written.push({
      file: change.document.fileId,
      fields: [...change.values.keys()],
      staleUnits: change.staleUnits,
      sourceBasis: unitBases(change),
    })
  }
  return written.filter((entry) => entry.fields.length > 0)
}
