import { escapeXml, NOT_XML_CHAR, type InlineRun } from '@/translations/xliff/inline'

/**
 * Segment text ↔ TMX 1.4b inline content (level 2). CAT tools score a memory match on text and on
 * inline codes, so a segment carries the same codes, at the same places, as the segment the XLIFF
 * export gives the translator: formatting and links are paired `<bpt>`/`<ept>` (matched by `i`
 * within a segment), line breaks `<ph type="lb">`; `x` numbers the codes of the Japanese segment in
 * order, and a target code takes the `x` of the Japanese code it corresponds to, so a tool can align
 * them. The codes' content is the native code, the HTML the public site renders for them.
 */

/** A segment's content: the runs of one block, or of a whole field joined by `block` separators. */
export type TmxRun = InlineRun | { kind: 'block' }

/** Lexical's format bits, outermost first (the order the XLIFF export nests them), as TMX types and HTML. */
const FORMAT_CODES = [
  { bit: 1, type: 'bold', tag: 'strong' },
  { bit: 2, type: 'italic', tag: 'em' },
  { bit: 8, type: 'ulined', tag: 'u' },
  { bit: 4, type: 'x-strike', tag: 's' },
  { bit: 16, type: 'x-code', tag: 'code' },
  { bit: 32, type: 'x-sub', tag: 'sub' },
  { bit: 64, type: 'x-sup', tag: 'sup' },
] as const

/** TMX 1.4b has no element for a character XML cannot carry: it is a placeholder whose native code is its HTML character reference. */
const textToTmx = (text: string): string =>
  escapeXml(text).replace(
    NOT_XML_CHAR,
    (char) =>
      `<ph type="x-char">&amp;#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};</ph>`,
  )

/** Whether a segment has any text to translate (formatting or breaks alone are not a segment). */
export const hasText = (runs: readonly TmxRun[]): boolean =>
  runs.some((run) => run.kind === 'text' && run.text.trim() !== '')

/** Hands out `x` values: fresh ones for the Japanese segment, the matching Japanese one for a target. */
export type CodeAligner = (signature: string) => number

export const sourceCodes = (): { take: CodeAligner; signatures: string[] } => {
  const signatures: string[] = []
  return {
    signatures,
    take: (signature) => {
      signatures.push(signature)
      return signatures.length
    },
  }
}

/** A target's codes take the `x` of the first unused source code of the same kind (and URL); extra ones get new numbers. */
export const targetCodes = (signatures: readonly string[]): CodeAligner => {
  const used = new Set<number>()
  let extra = signatures.length
  return (signature) => {
    const index = signatures.findIndex(
      (candidate, position) => candidate === signature && !used.has(position),
    )
    if (index === -1) return (extra += 1)
    used.add(index)
    return index + 1
  }
}

const htmlAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')

/** Serializes a segment's runs as the content of a TMX `<seg>`. */
export const runsToTmx = (runs: readonly TmxRun[], takeX: CodeAligner): string => {
  let pairs = 0
  const paired = (type: string, open: string, close: string, inner: string, x: number) => {
    pairs += 1
    return `<bpt i="${pairs}" x="${x}" type="${type}">${escapeXml(open)}</bpt>${inner}<ept i="${pairs}">${escapeXml(close)}</ept>`
  }
  const write = (list: readonly TmxRun[]): string => {
    let xml = ''
    let index = 0
    while (index < list.length) {
      const run = list[index] as TmxRun
      if (run.kind === 'linebreak') {
        xml += `<ph x="${takeX('lb')}" type="lb">&lt;br&gt;</ph>`
        index += 1
        continue
      }
      if (run.kind === 'block') {
        xml += `<ph x="${takeX('block')}" type="x-block"/>`
        index += 1
        continue
      }
      if (run.link !== null) {
        // Consecutive runs of the same link are one link, as on the page.
        const url = run.link
        let end = index
        while (end < list.length) {
          const next = list[end]
          if (!next || next.kind !== 'text' || next.link !== url) break
          end += 1
        }
        const x = takeX(`link:${url}`)
        const inner = write(
          list
            .slice(index, end)
            .map((inside) => (inside.kind === 'text' ? { ...inside, link: null } : inside)),
        )
        xml += paired('link', `<a href="${htmlAttribute(url)}">`, '</a>', inner, x)
        index = end
        continue
      }
      index += 1
      if (run.text === '') continue
      let text = textToTmx(run.text)
      for (const format of [...FORMAT_CODES].reverse()) {
        if ((run.format & format.bit) === 0) continue
        text = paired(
          format.type,
          `<${format.tag}>`,
          `</${format.tag}>`,
          text,
          takeX(`format:${format.type}`),
        )
      }
      xml += text
    }
    return xml
  }
  return write(runs)
}

/** The `<seg>` contents of a Japanese segment and its translation, their codes aligned by `x`. */
export const pairToTmx = (
  source: readonly TmxRun[],
  target: readonly TmxRun[],
): { sourceXml: string; targetXml: string } => {
  const codes = sourceCodes()
  const sourceXml = runsToTmx(source, codes.take)
  return { sourceXml, targetXml: runsToTmx(target, targetCodes(codes.signatures)) }
}
