import type {
  FieldChange,
  Release,
  ReleaseDiff,
  ReleaseSummary,
  TextChange,
} from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillHtml, fillText, timeHtml } from '../i18n'
import { DEFAULT_BASE_PATH, partnerPaths, type PartnerPaths } from '../paths'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'
import { link, releaseLabel, renderDocument, renderHeader } from './layout'
import { releaseTable } from './releaseBody'

// What changed between two releases, word by word: /partners/:locale/diff/:from/:to.

export type DiffPageInput = {
  diff: ReleaseDiff
  fromRelease: Release
  toRelease: Release
  locales: readonly string[]
  basePath?: string
}

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

const fieldChanges = (changes: readonly FieldChange[], ui: UiStrings, level: 3 | 4): string =>
  changes
    .map(
      (change) =>
        `<h${level}>${escapeHtml(fieldLabel(change.field, ui))}</h${level}>\n<p>${redline(change)}</p>`,
    )
    .join('\n')

const section = (heading: string, body: string): string =>
  `<section>\n<h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`

const changedCategories = (diff: ReleaseDiff, ui: UiStrings): string =>
  diff.categories.changed
    .map(
      ({ key, name, fields }) =>
        `<h3>${escapeHtml(name ?? key)}</h3>\n${fieldChanges(fields, ui, 4)}`,
    )
    .join('\n')

const releaseLine = (release: ReleaseSummary, ui: UiStrings, paths: PartnerPaths): string =>
  fillHtml(ui.releaseEffective, {
    release: link(paths.release(release.number), releaseLabel(ui, release.number)),
    date: timeHtml(release.effectiveAt, release.locale),
  })

const diffSections = ({ diff, fromRelease, toRelease }: DiffPageInput, ui: UiStrings): string[] => {
  const { added, removed, changed } = diff.categories
  const sections: string[] = []
  if (diff.page.length > 0) sections.push(section(ui.pageText, fieldChanges(diff.page, ui, 3)))
  if (changed.length > 0) sections.push(section(ui.changed, changedCategories(diff, ui)))
  if (added.length > 0) {
    sections.push(
      section(ui.added, `<ins class="block">${releaseTable(toRelease, ui.added, added)}</ins>`),
    )
  }
  if (removed.length > 0) {
    sections.push(
      section(
        ui.removed,
        `<del class="block">${releaseTable(fromRelease, ui.removed, removed)}</del>`,
      ),
    )
  }
  return sections
}

export const renderDiffPage = (input: DiffPageInput): string => {
  const { diff, fromRelease, toRelease, locales, basePath = DEFAULT_BASE_PATH } = input
  const { locale } = diff
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, basePath)
  const heading = fillText(ui.changesFromTo, { from: diff.from, to: diff.to })
  const sections = diffSections(input, ui)
  const main = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<ul>\n<li>${releaseLine(fromRelease, ui, paths)}</li>\n<li>${releaseLine(toRelease, ui, paths)}</li>\n</ul>`,
    ...(sections.length > 0 ? sections : [`<p>${escapeHtml(ui.noChanges)}</p>`]),
  ].join('\n')
  return renderDocument({
    locale,
    title: heading,
    header: renderHeader(locale, locales, basePath, null),
    main,
    footer: '',
    feedHref: paths.feed,
  })
}
