import type { ReleasedPage } from '@/releases/types'
import { siteTextFor } from '@/site/siteSettings'
import { escapeHtml } from '../escape'
import { fillText, languageTag } from '../i18n'
import { partnerPaths } from '../paths'
import { alternateLinks, languageChoices, type PageKind, type SiteContext } from '../site'
import type { UiStrings } from '../strings/shape'
import { uiStrings } from '../uiStrings'
import { PAGE_STYLE } from './style'

// What every public page shares: the document and its style, the site header (name, logo, privacy
// link, navigation, languages), the footer, links and notices.

type DocumentInput = {
  locale: string
  title: string
  header: string
  main: string
  footer: string
  feedHref?: string
  /** The page in the other languages that have it (hreflang), absolute. */
  alternates?: ReadonlyArray<{ hreflang: string; href: string }>
}

export const renderDocument = ({
  locale,
  title,
  header,
  main,
  footer,
  feedHref,
  alternates = [],
}: DocumentInput): string => {
  const ui = uiStrings(locale)
  const links = [
    ...alternates.map(
      ({ hreflang, href }) =>
        `<link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(href)}">\n`,
    ),
    ...(feedHref
      ? [
          `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(feedHref)}" title="${escapeHtml(ui.feed)}">\n`,
        ]
      : []),
  ].join('')
  return `<!doctype html>
<html lang="${escapeHtml(languageTag(locale))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${links}<style>${PAGE_STYLE}</style>
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

/** A partner page's document: its site header, alternates in the other languages and feed link. */
export const renderSitePage = ({
  locale,
  site,
  kind,
  title,
  main,
  footerLine = null,
}: {
  locale: string
  site: SiteContext
  kind: PageKind
  title: string
  main: string
  /** The release line, when the page shows one release. */
  footerLine?: string | null
}): string =>
  renderDocument({
    locale,
    title,
    header: renderHeader(locale, site, kind),
    main,
    footer: renderFooter(locale, site, footerLine),
    feedHref: partnerPaths(locale, site.basePath).feed,
    alternates: alternateLinks(locale, site, kind),
  })

const navLink = (href: string, label: string, attributes = ''): string =>
  `<li><a href="${escapeHtml(href)}"${attributes}>${escapeHtml(label)}</a></li>`

const languageList = (locale: string, site: SiteContext, kind: PageKind, ui: UiStrings): string =>
  languageChoices(locale, site, kind)
    .map(({ tag, name, state, href }) => {
      const lang = escapeHtml(tag)
      if (state === 'current')
        return `<li><span lang="${lang}" aria-current="true">${escapeHtml(name)}</span></li>`
      if (state === 'available' && href)
        return navLink(href, name, ` hreflang="${lang}" lang="${lang}"`)
      return `<li><span lang="${lang}">${escapeHtml(name)}</span> <span class="unavailable">${escapeHtml(ui.notYetAvailable)}</span></li>`
    })
    .join('\n')

/** The site's name and logo (the logo is decorative: the name beside it says what it is), and the privacy link. */
const siteBar = (locale: string, site: SiteContext, ui: UiStrings): string => {
  const text = siteTextFor(site.settings, locale)
  const logo = text.logo ? `<img class="site-logo" src="${escapeHtml(text.logo)}" alt="">` : ''
  const brand = `<a class="site-brand" href="${escapeHtml(partnerPaths(locale, site.basePath).page)}">${logo}<span>${escapeHtml(text.siteName ?? ui.siteNameDefault)}</span></a>`
  const privacy = text.privacyPolicyUrl
    ? `\n<a class="privacy-link" href="${escapeHtml(text.privacyPolicyUrl)}">${escapeHtml(ui.privacyPolicy)}</a>`
    : ''
  return `<div class="site-bar">\n${brand}${privacy}\n</div>`
}

/**
 * The header of every public page: the site bar, the locale's pages (current, history, feed, JSON,
 * CSV) unless `nav` is off, and every language (linked only where a release is in effect).
 */
export const renderHeader = (
  locale: string,
  site: SiteContext,
  kind: PageKind,
  nav = true,
): string => {
  const ui = uiStrings(locale)
  const paths = partnerPaths(locale, site.basePath)
  const currentIf = (which: PageKind): string => (kind === which ? ' aria-current="page"' : '')
  const pages = nav
    ? `<nav class="page-nav" aria-label="${escapeHtml(ui.navLabel)}">
<ul>
${[
  navLink(paths.page, ui.currentVersion, currentIf('page')),
  navLink(paths.history, ui.history, currentIf('history')),
  navLink(paths.feed, ui.feed, ' type="application/atom+xml"'),
  navLink(paths.json, 'JSON', ' type="application/json"'),
  navLink(paths.csv, 'CSV', ' type="text/csv"'),
].join('\n')}
</ul>
</nav>
`
    : ''
  return `<header class="site-header">
${siteBar(locale, site, ui)}
<div class="site-nav">
${pages}<nav class="lang-nav" aria-label="${escapeHtml(ui.languagesLabel)}">
<ul>
${languageList(locale, site, kind, ui)}
</ul>
</nav>
</div>
</header>
`
}

/** The release line (when the page shows one release) and the site's footer line. */
export const renderFooter = (
  locale: string,
  site: SiteContext,
  releaseLine: string | null,
): string => {
  const note = siteTextFor(site.settings, locale).footerNote
  const lines = [releaseLine, note === null ? null : escapeHtml(note)].filter(
    (line): line is string => line !== null && line !== '',
  )
  return lines.length === 0
    ? ''
    : `<footer class="site-footer">\n${lines.map((line) => `<p>${line}</p>`).join('\n')}\n</footer>\n`
}

export const link = (href: string, html: string): string =>
  `<a href="${escapeHtml(href)}">${html}</a>`

export const releaseLabel = (ui: UiStrings, n: number): string =>
  escapeHtml(fillText(ui.release, { n }))

export const pageHeading = (page: ReleasedPage, locale: string): string =>
  page.title ?? uiStrings(locale).defaultHeading

export const noticeHtml = (paragraphsHtml: readonly string[]): string =>
  `<div class="notice" role="note">${paragraphsHtml.map((html) => `<p>${html}</p>`).join('')}</div>`

/** A cell's label, shown when the table is stacked (narrow screens), where no column header is in view. */
export const cellLabel = (label: string): string =>
  `<span class="cell-label">${escapeHtml(label)}</span>`
