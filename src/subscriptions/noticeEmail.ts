import type { EmailContent } from '../outbox/types'
import type { ReleaseDiff, ReleaseSummary } from '../releases/types'
import { uiStrings } from '../delivery/render/uiStrings'
import { escapeHtml } from '../delivery/render/escape'
import { formatDate } from '../delivery/render/i18n'
import { htmlBody, paragraph, textBody, type Paragraph } from './emailParts'
import { unsubscribeHeaders } from './links'
import { redlineLines } from './redlineText'
import { subscriptionStrings } from './strings'

/**
 * `announced`: a material change published for a later date; `reminder`: the same, shortly before
 * its date; `published`: any other publish (editorial, or in effect at once); `withdrawn`: an
 * announced release that will not take effect after all.
 */
export const NOTICE_KINDS = ['announced', 'reminder', 'published', 'withdrawn'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

type NoticeRelease = Pick<ReleaseSummary, 'number' | 'summary' | 'changeType' | 'effectiveAt'>

export type NoticeInput = {
  kind: NoticeKind
  to: string
  locale: string
  timeZone: string
  release: NoticeRelease
  /** From the release in effect to this one; null when none was in effect (the first release). */
  diff: ReleaseDiff | null
  /** For `withdrawn`: the release that replaces it (a rollback, a correction), if any. */
  replacement?: NoticeRelease | null
  /** The release's own authoritative-language note; the standard sentence when it has none. */
  authoritativeNote: string | null
  links: {
    /** Where to read the release (its announced page, or the page once in effect). */
    read: string
    /** The subscriber's objection link; null when there is nothing to object to. */
    object: string | null
    unsubscribe: string
  }
}

const SUBJECTS = {
  announced: 'announcedSubject',
  reminder: 'reminderSubject',
  published: 'editorialSubject',
  withdrawn: 'withdrawnSubject',
} as const

const INTROS = {
  announced: 'announcedIntro',
  reminder: 'reminderIntro',
  published: 'editorialIntro',
  withdrawn: 'withdrawnIntro',
} as const

/** The redline, as indented lines in the text part and a list in the HTML part. */
const redlineBlock = (input: NoticeInput): { text: string; html: string } => {
  const strings = subscriptionStrings(input.locale)
  if (!input.diff)
    return {
      text: strings.notice.firstRelease,
      html: `<p>${escapeHtml(strings.notice.firstRelease)}</p>`,
    }
  const lines = redlineLines(input.diff, strings, input.locale)
  if (lines.length === 0)
    return {
      text: strings.notice.noTextChanges,
      html: `<p>${escapeHtml(strings.notice.noTextChanges)}</p>`,
    }
  return {
    text: [
      strings.notice.changes,
      ...lines.map((line) => `${line.depth ? '    ' : '  '}${line.text}`),
    ].join('\n'),
    html: `<p>${escapeHtml(strings.notice.changes)}</p>\n<ul>\n${lines
      .map(
        (line) =>
          `<li${line.depth ? ' style="margin-inline-start:1.5em;list-style:circle"' : ''}>${line.html}</li>`,
      )
      .join('\n')}\n</ul>`,
  }
}

/** One subscriber's notice of a release, in their language, as plain text and HTML. */
export const noticeEmail = (input: NoticeInput): EmailContent => {
  const { kind, locale, release, timeZone } = input
  const strings = subscriptionStrings(locale)
  const date = formatDate(release.effectiveAt, locale, timeZone)
  const changeType = uiStrings(locale).changeTypes[release.changeType]
  const values = { n: release.number, date, changeType, page: strings.pageName }
  const subject = paragraph(strings.notice[SUBJECTS[kind]], values).text

  const opening: Paragraph[] = [paragraph(strings.notice[INTROS[kind]], values)]
  if (kind === 'withdrawn') {
    const { replacement } = input
    opening.push(
      replacement
        ? paragraph(strings.notice.replacedBy, {
            n: replacement.number,
            date: formatDate(replacement.effectiveAt, locale, timeZone),
            summary: replacement.summary,
          })
        : paragraph(strings.notice.stillInEffect),
    )
  }
  opening.push(paragraph(strings.notice.summary, { summary: release.summary }))

  const redline = kind === 'withdrawn' ? null : redlineBlock(input)
  const closing: Paragraph[] = [
    ...(kind === 'withdrawn' ? [] : [paragraph(strings.notice.effective, { date })]),
    paragraph(strings.notice.read, {}, input.links.read),
    ...(input.links.object && kind !== 'withdrawn'
      ? [paragraph(strings.notice.object, {}, input.links.object)]
      : []),
    paragraph(input.authoritativeNote ?? strings.authoritative),
    paragraph(strings.unsubscribeLine, {}, input.links.unsubscribe),
  ]
  // A note written by editors is plain text too: `paragraph` escapes it, and a stray {placeholder} in it stays as written.
  const text = textBody([
    ...opening.map((part) => part.text),
    ...(redline ? [redline.text] : []),
    ...closing.map((part) => part.text),
  ])
  const html = htmlBody(locale, subject, [
    ...opening.map((part) => `<p>${part.html}</p>`),
    ...(redline ? [redline.html] : []),
    ...closing.map((part) => `<p>${part.html}</p>`),
  ])
  return { to: input.to, subject, text, html, headers: unsubscribeHeaders(input.links.unsubscribe) }
}
