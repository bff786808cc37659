import type { FieldChange, ReleaseDiff, TextChange } from '../releases/types'
import { escapeHtml } from '../delivery/render/escape'
import { fillText } from '../delivery/render/i18n'
import { uiStrings } from '../delivery/render/uiStrings'
import type { SubscriptionStrings } from './strings'

/** One line of a redline, as plain text (`[-old-]{+new+}`) and as HTML (`<del>`/`<ins>`). */
export type RedlineLine = { text: string; html: string; depth: 0 | 1 }

/** Unchanged text longer than this keeps only its ends, so a one-word change in a long paragraph stays readable. */
const CONTEXT_CHARS = 40

const shortened = (text: string, position: 'first' | 'middle' | 'last'): string => {
  if (text.length <= CONTEXT_CHARS * 2 + 1) return text
  const head = text.slice(0, CONTEXT_CHARS)
  const tail = text.slice(-CONTEXT_CHARS)
  if (position === 'first') return `…${tail}`
  if (position === 'last') return `${head}…`
  return `${head} … ${tail}`
}

const runsOf = (change: FieldChange): TextChange[] =>
  change.changes.length > 0
    ? change.changes
    : [
        { kind: 'delete', text: change.before ?? '' },
        { kind: 'insert', text: change.after ?? '' },
      ]

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ')

export const redlineRuns = (change: FieldChange): { text: string; html: string } => {
  const runs = runsOf(change).filter((run) => run.text !== '')
  let text = ''
  let html = ''
  runs.forEach((run, index) => {
    const position = index === 0 ? 'first' : index === runs.length - 1 ? 'last' : 'middle'
    const value = oneLine(run.kind === 'equal' ? shortened(run.text, position) : run.text)
    if (run.kind === 'delete') {
      text += `[-${value}-]`
      html += `<del>${escapeHtml(value)}</del>`
    } else if (run.kind === 'insert') {
      text += `{+${value}+}`
      html += `<ins>${escapeHtml(value)}</ins>`
    } else {
      text += value
      html += escapeHtml(value)
    }
  })
  return { text, html }
}

const fieldLine = (change: FieldChange, locale: string, depth: 0 | 1): RedlineLine => {
  const labels: Readonly<Record<string, string>> = uiStrings(locale).fieldLabels
  const label = Object.hasOwn(labels, change.field)
    ? (labels[change.field] ?? change.field)
    : change.field
  const runs = redlineRuns(change)
  return {
    text: `${label}: ${runs.text}`,
    html: `${escapeHtml(label)}: ${runs.html}`,
    depth,
  }
}

const heading = (text: string): RedlineLine => ({ text, html: escapeHtml(text), depth: 0 })

/** The changes from one release to the next, word by word, in the reader's language; empty when no text changed. */
export const redlineLines = (
  diff: ReleaseDiff,
  strings: SubscriptionStrings,
  locale: string,
): RedlineLine[] => {
  const lines: RedlineLine[] = []
  if (diff.page.length > 0) {
    lines.push(heading(strings.notice.pageText))
    lines.push(...diff.page.map((change) => fieldLine(change, locale, 1)))
  }
  for (const { key, name, fields } of diff.categories.changed) {
    lines.push(heading(fillText(strings.notice.changedCategory, { name: name ?? key })))
    lines.push(...fields.map((change) => fieldLine(change, locale, 1)))
  }
  for (const category of diff.categories.added)
    lines.push(
      heading(fillText(strings.notice.addedCategory, { name: category.name ?? category.key })),
    )
  for (const category of diff.categories.removed)
    lines.push(
      heading(fillText(strings.notice.removedCategory, { name: category.name ?? category.key })),
    )
  return lines
}
