import { hashContent } from '../workflow'
import type { SerializedRichText } from '../utilities/lexical'
import type { SourceNeed } from './sourceBasis'
import type { ReleaseContent, ReleasedCategory, ReleasedPage } from './types'

type Approved = Record<string, unknown> | null

/**
 * One document's approved version as a release records it. In a target locale's release also the
 * approved source hash its translation translates (null when none was recorded); releases published
 * before that was recorded have no `sourceHash` at all.
 */
export type ReleaseSource = {
  subject: string
  contentHash: string
  approvedBy: string | null
  sourceHash?: string | null
}

/** A document's approval; `sourceHash` (target locales only) is the approved source hash the translation translates. */
type Approval = {
  content: Approved
  hash: string | null
  approvedBy: string | null
  sourceHash?: string | null
}

export type CategoryApprovals = {
  subject: string
  /** The source locale's approved content: key, icon, order, retired, and the source text. */
  source: Approval
  /** The release locale's approved content (the same as `source` for the source locale). */
  target: Approval
}

export type PageApprovals = Approval & { subject: string }

export type Assembly =
  | {
      ok: true
      content: ReleaseContent
      contentHash: string
      sources: ReleaseSource[]
      approvers: string[]
      needs: SourceNeed[]
    }
  | { ok: false; missing: string[] }

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const richText = (value: unknown): SerializedRichText | null =>
  value && typeof value === 'object' ? (value as SerializedRichText) : null

const releasedPage = (content: Record<string, unknown>): ReleasedPage => {
  const labels = (content.columnLabels ?? {}) as Record<string, unknown>
  return {
    title: text(content.title),
    intro: richText(content.intro),
    notNamedNote: richText(content.notNamedNote),
    columnLabels: {
      type: text(labels.type),
      description: text(labels.description),
      dataUsageNote: text(labels.dataUsageNote),
    },
    authoritativeLanguageNote: text(content.authoritativeLanguageNote),
  }
}

/** Live = approved in the source locale and not retired there: the source decides the structure. */
const isLive = (category: CategoryApprovals): boolean =>
  category.source.content !== null && category.source.content.retired !== true

/**
 * Builds one locale's release from approved content only: the page, and every live category with its
 * structure (key, icon, order) from the source locale and its text from this locale. Anything live
 * without an approved version in this locale is reported, by name, instead.
 */
export const assembleRelease = ({
  page,
  categories,
}: {
  page: PageApprovals
  categories: readonly CategoryApprovals[]
}): Assembly => {
  const live = categories.filter(isLive)
  const missing = [
    ...(page.content ? [] : ['the partners page']),
    ...live
      .filter((category) => !category.target.content)
      .map((category) => `category "${String(category.source.content?.key)}"`),
  ]
  if (missing.length || !page.content) return { ok: false, missing }

  const releasedCategories: ReleasedCategory[] = live
    .map((category) => {
      const structure = category.source.content as Record<string, unknown>
      const localized = category.target.content as Record<string, unknown>
      return {
        key: String(structure.key),
        icon: text(structure.icon),
        order: Number(structure.order),
        name: text(localized.name),
        description: richText(localized.description),
        dataUsageNote: richText(localized.dataUsageNote),
      }
    })
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
  const content: ReleaseContent = {
    page: releasedPage(page.content),
    categories: releasedCategories,
  }

  const basis = (approval: Approval) =>
    approval.sourceHash === undefined ? {} : { sourceHash: approval.sourceHash }
  const documents = [
    {
      label: 'the partners page',
      source: {
        subject: page.subject,
        contentHash: String(page.hash),
        approvedBy: page.approvedBy,
        ...basis(page),
      },
    },
    ...live.map((category) => ({
      label: `category "${String(category.source.content?.key)}"`,
      source: {
        subject: category.subject,
        contentHash: String(category.target.hash),
        approvedBy: category.target.approvedBy,
        ...basis(category.target),
      },
    })),
  ]
  const sources: ReleaseSource[] = documents.map((document) => document.source)
  const needs: SourceNeed[] = documents.flatMap(({ label, source }) =>
    source.sourceHash === undefined
      ? []
      : [{ subject: source.subject, label, sourceHash: source.sourceHash }],
  )
  const approvers = [
    ...new Set(
      sources.map((source) => source.approvedBy).filter((by): by is string => Boolean(by)),
    ),
  ]
  return { ok: true, content, contentHash: hashContent(content), sources, approvers, needs }
}
