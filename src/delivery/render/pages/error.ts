import { escapeHtml } from '../escape'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'
import { renderDocument } from './layout'

// The HTML answer to a page that does not exist or a malformed request.

export type ErrorPageInput = { status: number; message: string; locale: string }

const errorTitle = (status: number, ui: UiStrings): string =>
  status === 404 ? ui.errors.notFound : status === 400 ? ui.errors.badRequest : ui.errors.other

export const renderErrorPage = ({ status, message, locale }: ErrorPageInput): string => {
  const title = errorTitle(status, uiStrings(locale))
  return renderDocument({
    locale,
    title: `${status} — ${title}`,
    header: '',
    main: `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`,
    footer: '',
  })
}
