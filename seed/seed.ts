import type { Payload, PayloadRequest } from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'
import { approveImportedContent, SKIP_EDIT_TRACKING } from '@/workflow'
import type { PartnerCategory, PartnersPage } from '@/payload-types'
import { paragraphsToRichText } from '@/utilities/lexical'
import { stableStringify } from '@/utilities/stableStringify'
import type { ParsedSource } from './parseSource'

export type ImportProvenance = {
  at: string
  by: string
  sourceFile: string
  sourceSha256: string
}

export type SeedReport = {
  created: string[]
  updated: string[]
  unchanged: string[]
  /** Categories in the database that the source does not list; the importer never deletes. */
  notInSource: string[]
  pageUpdated: boolean
  /** The release the import published (the first import publishes ja release 1). */
  releasePublished?: number
}

type SeedArgs = {
  payload: Payload
  req: PayloadRequest
  source: ParsedSource
  provenance: ImportProvenance
}

/** A parsed source category as stored content: each text one paragraph, kept exactly. */
export const categoryContent = (category: ParsedSource['categories'][number]) => ({
  key: category.key,
  icon: category.icon,
  order: category.order,
  name: category.name,
  description: paragraphsToRichText([category.description]),
  dataUsageNote: paragraphsToRichText([category.dataUsageNote]),
})

const pageContent = (source: ParsedSource) => ({
  intro: paragraphsToRichText([source.intro]),
  notNamedNote: paragraphsToRichText([source.notNamedNote]),
  columnLabels: { ...source.columnLabels },
})

const differs = <T extends object>(wanted: T, stored: object): boolean =>
  (Object.keys(wanted) as Array<keyof T>).some(
    (field) => stableStringify(wanted[field]) !== stableStringify((stored as T)[field] ?? null),
  )

/**
 * Brings the source-locale (ja) content in line with the parsed source: creates missing categories,
 * rewrites changed ones, leaves identical ones alone. Pass a `req` that carries a transaction so a
 * failure leaves nothing half-imported.
 */
export const seed = async ({ payload, req, source, provenance }: SeedArgs): Promise<SeedReport> => {
  const report: SeedReport = {
    created: [],
    updated: [],
    unchanged: [],
    notInSource: [],
    pageUpdated: false,
  }
  const common = { req, locale: SOURCE_LOCALE, overrideAccess: true, depth: 0 } as const
  // The import records itself as an approval of what it wrote, not as an edit.
  const write = { ...common, context: { [SKIP_EDIT_TRACKING]: true } }
  const approve = (subject: Parameters<typeof approveImportedContent>[0]['subject']) =>
    approveImportedContent({ payload, req, subject, actor: provenance.by })

  const page: PartnersPage = await payload.findGlobal({ slug: 'partners-page', ...common })
  const wantedPage = pageContent(source)
  if (differs(wantedPage, page)) {
    await payload.updateGlobal({
      slug: 'partners-page',
      data: { ...wantedPage, imported: provenance },
      ...write,
    })
    await approve({ kind: 'global', slug: 'partners-page' })
    report.pageUpdated = true
  }

  const { docs: existing } = await payload.find({
    collection: 'partner-categories',
    limit: 0,
    pagination: false,
    ...common,
  })
  const byKey = new Map<string, PartnerCategory>(existing.map((doc) => [doc.key, doc]))

  for (const category of source.categories) {
    const wanted = categoryContent(category)
    const stored = byKey.get(category.key)
    if (!stored) {
      const created = await payload.create({
        collection: 'partner-categories',
        data: { ...wanted, imported: provenance },
        ...write,
      })
      await approve({ kind: 'collection', slug: 'partner-categories', id: created.id })
      report.created.push(category.key)
    } else if (differs(wanted, stored)) {
      await payload.update({
        collection: 'partner-categories',
        id: stored.id,
        data: { ...wanted, imported: provenance },
        ...write,
      })
      await approve({ kind: 'collection', slug: 'partner-categories', id: stored.id })
      report.updated.push(category.key)
    } else {
      report.unchanged.push(category.key)
    }
    byKey.delete(category.key)
  }
  report.notInSource = [...byKey.keys()]
  return report
}

/** True when nothing was ever imported or written: no categories and no page content. */
export const isContentEmpty = async (payload: Payload): Promise<boolean> => {
  const { totalDocs } = await payload.count({
    collection: 'partner-categories',
    overrideAccess: true,
  })
  if (totalDocs > 0) return false
  const page = await payload.findGlobal({
    slug: 'partners-page',
    locale: SOURCE_LOCALE,
    overrideAccess: true,
    depth: 0,
  })
  return !page.intro && !page.imported?.at
}
