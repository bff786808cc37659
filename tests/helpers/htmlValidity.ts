import { HtmlValidate } from 'html-validate'

/**
 * html-validate's recommended rules (the HTML5 content model, ARIA, accessibility and style rules),
 * with two style rules left off, neither about validity:
 * - `doctype-style` wants `<!DOCTYPE html>` in capitals; the doctype is case-insensitive and the
 *   pages (and the HTML standard's own examples) write `<!doctype html>`;
 * - `long-title` is a search-engine length hint (70 characters); an announced release's title
 *   carries its number, its date and time with the zone and the page's name, which a reader's tab
 *   and bookmarks need.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'doctype-style': 'off', 'long-title': 'off' },
})

export type HtmlProblem = { rule: string; message: string; line: number; column: number }

/** Every problem html-validate finds in a document; [] for a valid one. */
export const htmlProblems = async (html: string): Promise<HtmlProblem[]> => {
  const report = await validator.validateString(html)
  return report.results.flatMap((result) =>
    result.messages.map((message) => ({
      rule: message.ruleId,
      message: message.message,
      line: message.line,
      column: message.column,
    })),
  )
}
