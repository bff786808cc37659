import { SOURCE_LOCALE } from '@/config/locales'
import { sourceReleaseNote, type DocumentPlan } from './document'
import { escapeXml, XLIFF12_MARKUP } from './inline'
import { segmentIn } from './units'

export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'

/** The 1.2 target states for Kaiji's two: a reviewed (approved, not stale) translation is signed off. */
const TARGET_STATE = { translated: 'translated', reviewed: 'signed-off' } as const

/** Rich text is Lexical JSON, which no 1.2 datatype names; tools treat an `x-` type as their own. */
export const XLIFF12_DATATYPE = 'x-kaiji-lexical'

/** The context type of the per-link context groups that carry each link's URL. */
export const LINK_CONTEXT_TYPE = 'x-link-url'

/**
 * The XLIFF 1.2 file for one target locale, valid against the OASIS 1.2 strict schema with no
 * extension namespace: a `<file>` per document (`original` is its id, `build-num` the approved
 * source's hash, which the 2.0 file carries as kaiji:sourceHash), a `<trans-unit>` per field, and
 * for a field of several blocks a `<seg-source>` and a target whose `<mrk mtype="seg">` are the
 * 2.0 file's segments, with the same ids. Formatting is `<g>`, a line break `<x ctype="lb"/>`, a
 * link `<g ctype="link">` whose URL is in a context group named after the code.
 */
export const writeXliff12 = ({
  trgLang,
  documents,
  exportedAt,
}: {
  trgLang: string
  documents: readonly DocumentPlan[]
  exportedAt: Date
}): string => {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF12_NAMESPACE}" version="1.2">`,
  ]
  for (const document of documents) {
    const buildNum = document.sourceHash ? ` build-num="${escapeXml(document.sourceHash)}"` : ''
    lines.push(
      `  <file original="${escapeXml(document.fileId)}" source-language="${SOURCE_LOCALE}" target-language="${escapeXml(trgLang)}" datatype="${XLIFF12_DATATYPE}" date="${exportedAt.toISOString()}" product-name="${escapeXml(document.original)}"${buildNum} tool-id="kaiji" xml:space="preserve">`,
      '    <header>',
      '      <tool tool-id="kaiji" tool-name="Kaiji"/>',
      `      <note from="kaiji">${escapeXml(sourceReleaseNote(document.sourceRelease))}</note>`,
      '    </header>',
      '    <body>',
    )
    for (const unit of document.units) {
      const segments = unit.segments.map((segment) => ({
        id: segment.id,
        ...segmentIn(unit, segment, XLIFF12_MARKUP),
      }))
      const several = segments.length > 1
      const marked = (id: string, content: string) =>
        `<mrk mtype="seg" mid="${id}">${content}</mrk>`
      lines.push(
        `      <trans-unit id="${escapeXml(unit.id)}" resname="${escapeXml(unit.field.path)}">`,
      )
      lines.push(`        <source>${segments.map((segment) => segment.source).join('\n')}</source>`)
      if (several)
        lines.push(
          `        <seg-source>${segments.map((segment) => marked(segment.id, segment.source)).join('\n')}</seg-source>`,
        )
      if (segments.some((segment) => segment.target !== null)) {
        const content = several
          ? segments.map((segment) => marked(segment.id, segment.target ?? '')).join('\n')
          : (segments[0]?.target ?? '')
        lines.push(
          `        <target state="${TARGET_STATE[document.targetState]}">${content}</target>`,
        )
      }
      for (const data of unit.originalData) {
        const codeId = data.id.replace(/^d/, '')
        lines.push(
          `        <context-group name="link ${codeId}" purpose="information"><context context-type="${LINK_CONTEXT_TYPE}">${escapeXml(data.value)}</context></context-group>`,
        )
      }
      for (const note of unit.notes)
        lines.push(`        <note from="kaiji">${escapeXml(note)}</note>`)
      lines.push('      </trans-unit>')
    }
    lines.push('    </body>', '  </file>')
  }
  lines.push('</xliff>', '')
  return lines.join('\n')
}
