import { escapeXml, NOT_XML_CHAR, writeRuns, type InlineRun } from '@/translations/xliff/inline'

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

/** TMX's types and the HTML the public site renders, per format (the XLIFF subtype names the format). */
const TMX_FORMAT: Record<string, { type: string; tag: string }> = {
  'xlf:b': { type: 'bold', tag: 'strong' },
  'xlf:i': { type: 'italic', tag: 'em' },
  'xlf:u': { type: 'ulined', tag: 'u' },
  'kaiji:s': { type: 'x-strike', tag: 's' },
  'kaiji:code': { type: 'x-code', tag: 'code' },
  'kaiji:sub': { type: 'x-sub', tag: 'sub' },
  'kaiji:sup': { type: 'x-sup', tag: 'sup' },
}

/** Serializes a segment's runs as the content of a TMX `<seg>`. */
export const runsToTmx = (runs: readonly TmxRun[], takeX: CodeAligner): string => {
  let pairs = 0
  const paired = (type: string, open: string, close: string, inner: string, x: number) => {
    pairs += 1
    return `<bpt i="${pairs}" x="${x}" type="${type}">${escapeXml(open)}</bpt>${inner}<ept i="${pairs}">${escapeXml(close)}</ept>`
  }
  // Empty text carries no codes here: a format around nothing is not a code a tool should match.
  const nonEmpty = runs.filter((run) => run.kind !== 'text' || run.text !== '')
  return writeRuns<TmxRun>(nonEmpty, {
    text: textToTmx,
    linebreak: () => `<ph x="${takeX('lb')}" type="lb">&lt;br&gt;</ph>`,
    other: () => `<ph x="${takeX('block')}" type="x-block"/>`,
    link: (url, inner) => {
      const x = takeX(`link:${url}`)
      return paired('link', `<a href="${htmlAttribute(url)}">`, '</a>', inner(), x)
    },
    format: (format, inner) => {
      const { type, tag } = TMX_FORMAT[format.subType] ?? { type: 'x-format', tag: 'span' }
      return paired(type, `<${tag}>`, `</${tag}>`, inner, takeX(`format:${type}`))
    },
  })
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
