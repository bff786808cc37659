// The parts of the `xliff` npm package (6.4.0, no types of its own) the round-trip tests use.
declare module 'xliff' {
  /** Inline content: text, elements keyed by their kind (`Span`, `Standalone`, `GenericSpan`, `Marker`…), or a list of both. */
  export type XliffInline = string | { [kind: string]: Record<string, unknown> } | XliffInline[]
  export type XliffUnit = {
    source?: XliffInline
    target?: XliffInline
    note?: string | string[]
    additionalAttributes?: Record<string, string>
    groupUnits?: Record<string, XliffUnit>
  }
  export type XliffJs = {
    sourceLanguage: string
    targetLanguage?: string
    resources: Record<string, Record<string, XliffUnit>>
  }
  const xliff: {
    xliff2js(xml: string): Promise<XliffJs>
    js2xliff(js: XliffJs): Promise<string>
    xliff12ToJs(xml: string): Promise<XliffJs>
    jsToXliff12(js: XliffJs): Promise<string>
  }
  export default xliff
}
