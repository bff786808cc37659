import { escapeHtml } from '../delivery/render/escape'
import { renderDocument } from '../delivery/render/pages/layout'

/** The small pages of the subscription flow: a heading, a message, and at most one button that POSTs. */
export const subscriptionPage = ({
  locale,
  title,
  message,
  form,
}: {
  locale: string
  title: string
  message?: string
  form?: { action: string; fields: Record<string, string>; button: string }
}): string =>
  renderDocument({
    locale,
    title,
    header: '',
    footer: '',
    main: [
      `<h1>${escapeHtml(title)}</h1>`,
      message ? `<p>${escapeHtml(message)}</p>` : '',
      form
        ? `<form method="post" action="${escapeHtml(form.action)}">\n${Object.entries(form.fields)
            .map(
              ([name, value]) =>
                `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
            )
            .join('\n')}\n<button type="submit">${escapeHtml(form.button)}</button>\n</form>`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  })
