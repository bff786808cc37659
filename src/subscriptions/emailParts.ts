import { escapeHtml } from '../delivery/render/escape'
import { fillHtml, fillText, languageTag } from '../delivery/render/i18n'

/** One paragraph of an email in both forms; a `{url}` placeholder becomes a link in the HTML. */
export type Paragraph = { text: string; html: string }

export const paragraph = (
  template: string,
  values: Readonly<Record<string, string | number>> = {},
  url?: string,
): Paragraph => {
  const all = url === undefined ? values : { ...values, url }
  const fragments = Object.fromEntries(
    Object.entries(all).map(([name, value]) => [
      name,
      name === 'url'
        ? `<a href="${escapeHtml(String(value))}">${escapeHtml(String(value))}</a>`
        : escapeHtml(String(value)),
    ]),
  )
  return { text: fillText(template, all), html: fillHtml(template, fragments) }
}

export const textBody = (blocks: ReadonlyArray<string>): string => `${blocks.join('\n\n')}\n`

export const htmlBody = (locale: string, title: string, blocks: ReadonlyArray<string>): string =>
  `<!doctype html>
<html lang="${escapeHtml(languageTag(locale))}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
${blocks.join('\n')}
</body>
</html>
`
