import type { ReleasedPage } from '@/releases/types'
import { escapeHtml } from '../escape'
import { fillText, languageName, languageTag } from '../i18n'
import { partnerPaths } from '../paths'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'

// What every public page shares: the document and its style, the navigation header, links, notices.

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.6}
body{max-width:72rem;margin:0 auto;padding:0 1rem 2rem}
.skip-link{position:absolute;left:-100vw}
.skip-link:focus{position:static}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:start;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid;padding:.5rem .75rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
.notice{border:2px solid;padding:.25rem 1rem;margin:1rem 0}
ins{background:rgba(0,160,0,.18)}
del{background:rgba(220,0,0,.18)}
ins.block,del.block{display:block;text-decoration:none;background:none;border-inline-start:.4rem solid;padding-inline-start:.75rem}
`.trim()

type DocumentInput = {
  locale: string
  title: string
  header: string
  main: string
  footer: string
  feedHref?: string
}

export const renderDocument = ({
  locale,
  title,
  header,
  main,
  footer,
  feedHref,
}: DocumentInput): string => {
  const ui = uiStrings(locale)
  const feedLink = feedHref
    ? `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(feedHref)}" title="${escapeHtml(ui.feed)}">\n`
    : ''
  return `<!doctype html>
<html lang="${escapeHtml(languageTag(locale))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${feedLink}<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#content">${escapeHtml(ui.skipToContent)}</a>
${header}<main id="content">
${main}
</main>
${footer}</body>
</html>
`
}

type NavCurrent = 'page' | 'history' | null

const navLink = (href: string, label: string, attributes = ''): string =>
  `<li><a href="${escapeHtml(href)}"${attributes}>${escapeHtml(label)}</a></li>`

const languageLinks = (locale: string, locales: readonly string[], basePath: string): string[] =>
  locales
    .filter((other) => other !== locale)
    .map((other) => {
      const tag = escapeHtml(languageTag(other))
      return navLink(
        partnerPaths(other, basePath).page,
        languageName(other),
        ` hreflang="${tag}" lang="${tag}"`,
      )
    })

export const renderHeader = (
  locale: string,
  locales: readonly string[],
  basePath: string,
  current: NavCurrent,
): string => {
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, basePath)
  const currentIf = (which: NavCurrent): string => (current === which ? ' aria-current="page"' : '')
  const links = [
    navLink(paths.page, ui.currentVersion, currentIf('page')),
    navLink(paths.history, ui.history, currentIf('history')),
    navLink(paths.feed, ui.feed, ' type="application/atom+xml"'),
    navLink(paths.json, 'JSON', ' type="application/json"'),
    navLink(paths.csv, 'CSV', ' type="text/csv"'),
    ...languageLinks(locale, locales, basePath),
  ]
  return `<header>
<nav aria-label="${escapeHtml(ui.navLabel)}">
<ul>
${links.join('\n')}
</ul>
</nav>
</header>
`
}

export const link = (href: string, html: string): string =>
  `<a href="${escapeHtml(href)}">${html}</a>`

export const releaseLabel = (ui: UiStrings, n: number): string =>
  escapeHtml(fillText(ui.release, { n }))

export const pageHeading = (page: ReleasedPage, locale: string): string =>
  page.title ?? uiStrings(locale).defaultHeading

export const noticeHtml = (paragraphsHtml: readonly string[]): string =>
  `<div class="notice" role="note">${paragraphsHtml.map((html) => `<p>${html}</p>`).join('')}</div>`
