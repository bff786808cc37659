import { SOURCE_LOCALE } from '@/config/locales'
import type { SourceCandidate } from '@/releases/sourceBasis'
import { escapeXml } from './inline'
import { planUnit, type FieldSpec, type UnitPlan } from './units'

// What an export holds for each document, and the XLIFF 2.0 file written from it.

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'
export const KAIJI_NAMESPACE = 'urn:kaiji:xliff:1'

/** One document (the page or a category) in one target locale. */
export type DocumentSpec = {
  fileId: string
  original: string
  /** The workflow subject (`partner-categories:3`, `partners-page`). */
  subject: string
  /** The source's approved hash when exported: an import against an older one flags the translation stale. */
  sourceHash: string | null
  /** The source release holding that approved text (null: in none yet); a translation takes effect no earlier than it. */
  sourceRelease: SourceCandidate | null
  /** `reviewed` when the locale's translation is approved and not stale, else `translated`. */
  targetState: 'translated' | 'reviewed'
  fields: FieldSpec[]
}

export type DocumentPlan = DocumentSpec & { units: UnitPlan[] }

export const planDocuments = (specs: readonly DocumentSpec[]): DocumentPlan[] =>
  specs
    .map((spec) => ({
      ...spec,
      units: spec.fields
        .map((field) => planUnit(`${spec.fileId}.${field.path}`, field))
        .filter((unit): unit is UnitPlan => unit !== null),
    }))
    .filter((plan) => plan.units.length > 0)

const attribute = (name: string, value: string | null) =>
  value === null ? '' : ` ${name}="${escapeXml(value)}"`

/** For the translator: which source release the source text is, and what that means for publishing the translation. */
export const sourceReleaseNote = (release: SourceCandidate | null): string => {
  if (!release) {
    return `Source: approved ${SOURCE_LOCALE} text that is not yet published in any ${SOURCE_LOCALE} release; a translation of it cannot be published until it is.`
  }
  const at = new Date(release.effectiveAt).toISOString()
  if (release.standing === 'current')
    return `Source: ${SOURCE_LOCALE} release ${release.number}, in effect since ${at}.`
  if (release.standing === 'upcoming') {
    return `Source: ${SOURCE_LOCALE} release ${release.number}, announced to take effect on ${at}; a translation of it takes effect no earlier.`
  }
  return `Source: ${SOURCE_LOCALE} release ${release.number}, in effect from ${at} and since replaced by a newer ${SOURCE_LOCALE} release.`
}

/** The XLIFF 2.0 file for one target locale: a <file> per document, a <unit> per field, a <segment> per block. */
export const writeXliff = ({
  trgLang,
  documents,
}: {
  trgLang: string
  documents: readonly DocumentPlan[]
}): string => {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" xmlns:kaiji="${KAIJI_NAMESPACE}" version="2.0" srcLang="${SOURCE_LOCALE}" trgLang="${escapeXml(trgLang)}" xml:space="preserve">`,
  ]
  for (const document of documents) {
    const sourceRelease = document.sourceRelease
      ? String(document.sourceRelease.number)
      : 'unpublished'
    lines.push(
      `  <file id="${document.fileId}"${attribute('original', document.original)}${attribute('kaiji:sourceHash', document.sourceHash)}${attribute('kaiji:sourceRelease', sourceRelease)}>`,
    )
    lines.push(
      `    <notes><note category="kaiji:source-release">${escapeXml(sourceReleaseNote(document.sourceRelease))}</note></notes>`,
    )
    for (const unit of document.units) {
      lines.push(`    <unit id="${unit.id}" name="${escapeXml(unit.field.path)}">`)
      if (unit.notes.length)
        lines.push(
          `      <notes>${unit.notes.map((note) => `<note category="kaiji">${escapeXml(note)}</note>`).join('')}</notes>`,
        )
      if (unit.originalData.length) {
        lines.push(
          `      <originalData>${unit.originalData.map((data) => `<data id="${data.id}">${escapeXml(data.value)}</data>`).join('')}</originalData>`,
        )
      }
      for (const segment of unit.segments) {
        const state = segment.targetXml === null ? 'initial' : document.targetState
        lines.push(`      <segment id="${segment.id}" state="${state}">`)
        lines.push(`        <source>${segment.sourceXml}</source>`)
        if (segment.targetXml !== null) lines.push(`        <target>${segment.targetXml}</target>`)
        lines.push('      </segment>')
      }
      lines.push('    </unit>')
    }
    lines.push('  </file>')
  }
  lines.push('</xliff>', '')
  return lines.join('\n')
}
