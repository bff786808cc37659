import type { FieldChange, Release, ReleaseDiff, TextChange } from '@/releases/types'
import { escapeHtml } from '../escape'
import type { UiStrings } from '../strings/shape'
import { releaseTable } from './releaseBody'

// What changed between two releases, word by word, as sections: the diff page shows them under its
// h1, an announced release's page under the h2 of its redline. One renderer for both.

/** The level of the sections' own headings; categories and fields go one and two levels below. */
export type RedlineLevel = 2 | 3

type HeadingLevel = RedlineLevel | 4 | 5

const heading = (level: HeadingLevel, text: string): string =>
  `<h${level}>${escapeHtml(text)}</h${level}>`

const runHtml = ({ kind, text }: TextChange): string => {
  if (text === '') return ''
  const html = escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')
  if (kind === 'insert') return `<ins>${html}</ins>`
  if (kind === 'delete') return `<del>${html}</del>`
  return html
}

/** The word-level runs; when the diff carries none, the whole old text struck and the whole new one inserted. */
const redline = (change: FieldChange): string => {
  const runs: TextChange[] =
    change.changes.length > 0
      ? change.changes
      : [
          { kind: 'delete', text: change.before ?? '' },
          { kind: 'insert', text: change.after ?? '' },
        ]
  return runs.map(runHtml).join('')
}

/** A field the labels do not know (added to the diff later) shows under its own name. */
const fieldLabel = (field: string, ui: UiStrings): string => {
  const labels: Readonly<Record<string, string>> = ui.fieldLabels
  return Object.hasOwn(labels, field) ? (labels[field] ?? field) : field
}

const fieldChanges = (
  changes: readonly FieldChange[],
  ui: UiStrings,
  level: HeadingLevel,
): string =>
  changes
    .map((change) => `${heading(level, fieldLabel(change.field, ui))}\n<p>${redline(change)}</p>`)
    .join('\n')

const section = (level: RedlineLevel, title: string, body: string): string =>
  `<section>\n${heading(level, title)}\n${body}\n</section>`

const changedCategories = (diff: ReleaseDiff, ui: UiStrings, level: 3 | 4): string =>
  diff.categories.changed
    .map(
      ({ key, name, fields }) =>
        `${heading(level, name ?? key)}\n${fieldChanges(fields, ui, level === 3 ? 4 : 5)}`,
    )
    .join('\n')

export type RedlineInput = { diff: ReleaseDiff; fromRelease: Release; toRelease: Release }

/** The sections that changed (page text, categories changed, added, removed), or the plain "no changes" line. */
export const redlineSections = (
  { diff, fromRelease, toRelease }: RedlineInput,
  ui: UiStrings,
  level: RedlineLevel,
): string => {
  const { added, removed, changed } = diff.categories
  const below = level === 2 ? 3 : 4
  const sections: string[] = []
  if (diff.page.length > 0)
    sections.push(section(level, ui.pageText, fieldChanges(diff.page, ui, below)))
  if (changed.length > 0)
    sections.push(section(level, ui.changed, changedCategories(diff, ui, below)))
  if (added.length > 0) {
    sections.push(
      section(
        level,
        ui.added,
        `<ins class="block">${releaseTable(toRelease, ui.added, added)}</ins>`,
      ),
    )
  }
  if (removed.length > 0) {
    sections.push(
      section(
        level,
        ui.removed,
        `<del class="block">${releaseTable(fromRelease, ui.removed, removed)}</del>`,
      ),
    )
  }
  return sections.length > 0 ? sections.join('\n') : `<p>${escapeHtml(ui.noChanges)}</p>`
}
