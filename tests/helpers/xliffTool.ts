import xliff, { type XliffInline, type XliffJs, type XliffUnit } from 'xliff'

// The `xliff` npm package as a translator's tool: it reads a file into its own model, the
// translator fills in targets, and it writes the file back from that model, keeping what it models
// and dropping the rest (as CAT tools and translation management systems do).

export type ToolVersion = '2.0' | '1.2'

/** The same inline content with each text piece replaced, the codes (elements) kept in place. */
export const mapText = (inline: XliffInline, change: (text: string) => string): XliffInline => {
  if (typeof inline === 'string') return change(inline)
  if (Array.isArray(inline)) return inline.map((piece) => mapText(piece, change))
  return Object.fromEntries(
    Object.entries(inline).map(([kind, element]) => [
      kind,
      'contents' in element
        ? { ...element, contents: mapText(element.contents as XliffInline, change) }
        : element,
    ]),
  )
}

const eachUnit = (
  units: Record<string, XliffUnit>,
  visit: (id: string, unit: XliffUnit) => void,
) => {
  for (const [id, unit] of Object.entries(units)) {
    if (unit.groupUnits) eachUnit(unit.groupUnits, visit)
    else visit(id, unit)
  }
}

/**
 * Reads `xml` with the package, lets `translate` set each unit's target (return undefined to leave
 * it), and writes the file back in the same XLIFF version.
 */
export const throughTool = async (
  xml: string,
  version: ToolVersion,
  translate: (unitId: string, unit: XliffUnit) => XliffInline | undefined = () => undefined,
): Promise<string> => {
  const js: XliffJs = version === '2.0' ? await xliff.xliff2js(xml) : await xliff.xliff12ToJs(xml)
  for (const units of Object.values(js.resources))
    eachUnit(units, (id, unit) => {
      const target = translate(id, unit)
      if (target !== undefined) unit.target = target
    })
  return version === '2.0' ? xliff.js2xliff(js) : xliff.jsToXliff12(js)
}
