import { LOCALES } from '@/config/locales'
import { settings } from '@/config/settings'
import { escapeHtml } from '@/delivery/render/escape'
import { fillHtml, fillText, formatDate, timeHtml } from '@/delivery/render/i18n'
import { renderDocument, renderHeader } from '@/delivery/render/pages/layout'
import { partnerPaths } from '@/delivery/render/paths'
import { siteContext } from '@/delivery/render/site'
import {
  MAX_EMAIL_CHARS,
  MAX_ORGANISATION_CHARS,
  MAX_REASON_CHARS,
  type ObjectionForm,
} from './objectionRules'
import { objectionText, type ObjectionText } from './objectionText'

const FORM_STYLE = `<style>
form{display:grid;gap:.35rem;max-width:40rem}
label{font-weight:bold;margin-top:.75rem}
textarea,input{font:inherit;padding:.4rem}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;justify-self:start}
.hint{margin:0;font-size:.9em}
</style>`

export const objectionPath = (locale: string, number: number): string =>
  `${partnerPaths(locale).release(number)}/object`

// These pages answer one subscriber's link and are never cached, so they take the zone as configured.
const timeZone = (): string => settings().timeZone

const page = (locale: string, title: string, main: string): string =>
  renderDocument({
    locale,
    title,
    header: renderHeader(locale, siteContext({ locales: LOCALES, timeZone: timeZone() }), 'other'),
    main,
    footer: '',
  })

const message = (locale: string, title: string, body: string): string =>
  page(locale, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>`)

export type FormPageInput = {
  locale: string
  number: number
  summary: string
  effectiveAt: string
  token: string
  /** What was sent before a refusal, so that nothing typed is lost. */
  values?: Partial<ObjectionForm>
  problem?: string
}

export const renderObjectionForm = ({
  locale,
  number,
  summary,
  effectiveAt,
  token,
  values = {},
  problem,
}: FormPageInput): string => {
  const text = objectionText(locale)
  const title = fillText(text.formTitle, { n: number })
  const error = problem
    ? `<div class="notice" role="alert"><p><strong>${escapeHtml(text.badInputTitle)}</strong></p><p>${escapeHtml(problem)}</p></div>\n`
    : ''
  const main = `<h1>${escapeHtml(title)}</h1>
${error}<p>${fillHtml(text.formIntro, { n: String(number), summary: escapeHtml(summary), date: timeHtml(effectiveAt, locale, timeZone()) })}</p>
<p>${escapeHtml(text.formWhy)}</p>
<p><a href="${escapeHtml(partnerPaths(locale).upcomingChanges(number))}">${escapeHtml(text.announcedLink)}</a></p>
${FORM_STYLE}
<form method="post" action="${escapeHtml(objectionPath(locale, number))}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<label for="reason">${escapeHtml(text.reason)}</label>
<textarea id="reason" name="reason" rows="8" required maxlength="${MAX_REASON_CHARS}" aria-describedby="reason-hint">${escapeHtml(values.reason ?? '')}</textarea>
<p class="hint" id="reason-hint">${escapeHtml(fillText(text.reasonHint, { max: MAX_REASON_CHARS }))}</p>
<label for="organisation">${escapeHtml(text.organisation)}</label>
<input id="organisation" name="organisation" type="text" autocomplete="organization" maxlength="${MAX_ORGANISATION_CHARS}" value="${escapeHtml(values.organisation ?? '')}">
<label for="email">${escapeHtml(text.email)}</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="${MAX_EMAIL_CHARS}" aria-describedby="email-hint" value="${escapeHtml(values.email ?? '')}">
<p class="hint" id="email-hint">${escapeHtml(text.emailHint)}</p>
<button type="submit">${escapeHtml(text.submit)}</button>
</form>`
  return page(locale, title, main)
}

const dated = (template: string, locale: string, number: number, at: string): string =>
  fillText(template, { n: number, date: formatDate(at, locale, timeZone()) })

export const renderReceived = (locale: string, number: number, receivedAt: string): string => {
  const text = objectionText(locale)
  return message(locale, text.receivedTitle, dated(text.receivedBody, locale, number, receivedAt))
}

export const renderAlreadyRecorded = (
  locale: string,
  number: number,
  receivedAt: string,
): string => {
  const text = objectionText(locale)
  return message(locale, text.alreadyTitle, dated(text.alreadyBody, locale, number, receivedAt))
}

export type NoObjectionReason =
  { state: 'closed'; effectiveAt: string } | { state: 'superseded' } | { state: 'not-material' }

export const renderNotTaken = (locale: string, number: number, why: NoObjectionReason): string => {
  const text = objectionText(locale)
  const body =
    why.state === 'closed'
      ? dated(text.closedBody, locale, number, why.effectiveAt)
      : fillText(why.state === 'superseded' ? text.supersededBody : text.notMaterialBody, {
          n: number,
        })
  return message(locale, text.closedTitle, body)
}

export const renderBadLink = (locale: string, detail?: string): string => {
  const text = objectionText(locale)
  return message(
    locale,
    text.badLinkTitle,
    detail ? `${text.badLinkBody} ${detail}` : text.badLinkBody,
  )
}

export const renderBadInput = (locale: string, problem: string): string =>
  message(locale, objectionText(locale).badInputTitle, problem)

/** The acknowledgement email: plain text and the same in HTML, in the subscriber's language. */
export const acknowledgementContent = ({
  locale,
  number,
  receivedAt,
  effectiveAt,
  reason,
}: {
  locale: string
  number: number
  receivedAt: string
  effectiveAt: string
  reason: string
}): { subject: string; text: string; html: string } => {
  const words: ObjectionText = objectionText(locale)
  const text = fillText(words.mailBody, {
    n: number,
    date: formatDate(receivedAt, locale, timeZone()),
    effective: formatDate(effectiveAt, locale, timeZone()),
    reason,
  })
  const html = text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  return { subject: fillText(words.mailSubject, { n: number }), text, html }
}
