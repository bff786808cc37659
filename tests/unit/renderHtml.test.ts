import { escapeHtml } from '@/delivery/render/escape'
import { siteContext } from '@/delivery/render/site'
import { renderArchivedReleasePage } from '@/delivery/render/pages/archived'
import { renderPartnersPage } from '@/delivery/render/pages/current'
import { renderDiffPage } from '@/delivery/render/pages/diff'
import { renderErrorPage } from '@/delivery/render/pages/error'
import { renderHistoryPage } from '@/delivery/render/pages/history'
import { renderUpcomingReleasePage } from '@/delivery/render/pages/upcoming'
import { diffReleases } from '@/releases/releaseDiff'
import type { Release, ReleaseDiff } from '@/releases/types'
import { paragraphsToRichText } from '@/utilities/lexical'
import {
  codePoints,
  enRelease,
  expectInertHtml,
  HOSTILE_STRINGS,
  hostileRelease,
  jaSource,
  makeRelease,
  scanTags,
} from './fixtures/partnersRelease'

const LOCALES = ['ja', 'en', 'fr', 'ru'] as const
/** Every locale with a release in effect, dates in the default zone. */
const SITE = siteContext({ locales: LOCALES, timeZone: 'Asia/Tokyo' })

const partnersPage = (
  release: Release = makeRelease(),
  extra: Partial<Parameters<typeof renderPartnersPage>[0]> = {},
) => renderPartnersPage({ release, upcoming: [], sourceNotice: null, site: SITE, ...extra })

/** The <nav> named `label`. */
const navOf = (html: string, label: string): string => {
  const start = html.indexOf(`aria-label="${label}">`)
  return start === -1 ? '' : html.slice(start, html.indexOf('</nav>', start))
}

const count = (html: string, pattern: RegExp): number =>
  html.match(new RegExp(pattern.source, 'g'))?.length ?? 0

const tableOf = (html: string): string =>
  html.slice(html.indexOf('<table'), html.indexOf('</table>') + '</table>'.length)

/** One h1, first; no heading skips a level on the way down. */
const expectHeadingOutline = (html: string) => {
  const levels = scanTags(html)
    .tags.filter((tag) => !tag.closing && /^h[1-6]$/.test(tag.name))
    .map((tag) => Number(tag.name.slice(1)))
  expect(levels[0]).toBe(1)
  expect(levels.filter((level) => level === 1)).toHaveLength(1)
  levels.forEach((level, index) => {
    if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] ?? 1) + 1)
  })
}

const expectDocument = (html: string, lang: string) => {
  expect(
    html.startsWith(`<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n`),
  ).toBe(true)
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
  expect(count(html, /<title>[^<]+<\/title>/)).toBe(1)
  expect(html).toContain('<a class="skip-link" href="#content">')
  expect(count(html, /<main id="content">/)).toBe(1)
  expect(html.trimEnd().endsWith('</html>')).toBe(true)
  expectHeadingOutline(html)
  expectInertHtml(html)
}

describe('renderPartnersPage', () => {
  it('is a complete, script-free HTML5 document in the release locale', () => {
    const html = partnersPage()
    expectDocument(html, 'ja')
    expect(html).toContain('<title>サードパーティパートナー</title>')
    expect(html).toContain('<h1>サードパーティパートナー</h1>')
    expect(html).not.toMatch(/<script|javascript:/i)
  })

  it('navigates to the current page, history, feed, JSON, CSV, and lists every language', () => {
    const html = partnersPage()
    const nav = navOf(html, 'パートナーのページ')
    expect(nav).toContain('<a href="/partners/ja" aria-current="page">')
    for (const href of [
      '/partners/ja/history',
      '/partners/ja/feed.atom',
      '/partners/ja.json',
      '/partners/ja.csv',
    ]) {
      expect(nav).toContain(`href="${href}"`)
    }
    const languages = navOf(html, '言語')
    expect(languages).toContain('<li><span lang="ja" aria-current="true">日本語</span></li>')
    expect(languages).toContain('<a href="/partners/en" hreflang="en" lang="en">English</a>')
    expect(languages).toContain('<a href="/partners/fr" hreflang="fr" lang="fr">Français</a>')
    expect(languages).toContain('<a href="/partners/ru" hreflang="ru" lang="ru">Русский</a>')
    expect(languages).not.toContain('hreflang="ja"')
  })

  it('links only to the languages with a release in effect; the others are named as not yet available', () => {
    const html = partnersPage(enRelease(), { site: { ...SITE, available: ['ja', 'en'] } })
    const languages = navOf(html, 'Languages')
    expect(languages).toContain('<a href="/partners/ja" hreflang="ja" lang="ja">日本語</a>')
    expect(languages).toContain('<li><span lang="en" aria-current="true">English</span></li>')
    expect(languages).toContain(
      '<li><span lang="fr">Français</span> <span class="unavailable">(not yet available)</span></li>',
    )
    expect(languages).toContain(
      '<li><span lang="ru">Русский</span> <span class="unavailable">(not yet available)</span></li>',
    )
    expect(html).not.toContain('href="/partners/fr')
    expect(html).not.toContain('href="/partners/ru')
  })

  it('shows the intro, the not-named note and every category in a table with scoped headers', () => {
    const html = partnersPage()
    expect(html).toContain(`<p>${jaSource.intro}</p>`)
    expect(html).toContain(`<p>${jaSource.notNamedNote}</p>`)
    const table = tableOf(html)
    expect(table).toMatch(/^<table class="categories">\n<caption>[^<]+<\/caption>/)
    expect(table).toContain(
      '<tr><th scope="col">タイプ</th><th scope="col">説明</th><th scope="col">データ使用上の注意</th></tr>',
    )
    expect(count(table, /<th scope="row">/)).toBe(8)
    // Each cell carries its column's label, which the stacked (narrow) layout shows.
    for (const category of jaSource.categories) {
      expect(table).toContain(
        `<th scope="row"><span class="cell-label">タイプ</span><span aria-hidden="true">${category.icon}</span> ${category.name}</th>`,
      )
      expect(table).toContain(
        `<td><span class="cell-label">説明</span><p>${category.description}</p></td>`,
      )
      expect(table).toContain(
        `<td><span class="cell-label">データ使用上の注意</span><p>${category.dataUsageNote}</p></td>`,
      )
    }
  })

  it('keeps icons code point for code point (no joiner, no variation selector added)', () => {
    const html = partnersPage()
    const iconOf = (name: string) =>
      new RegExp(`<span aria-hidden="true">([^<]*)</span> ${name}</th>`).exec(html)?.[1] ?? ''
    expect(codePoints(iconOf('サポート'))).toEqual(['U+1F469', 'U+1F4BB'])
    expect(codePoints(iconOf('クラウド プラットフォーム:計算とストレージ'))).toEqual(['U+26C5'])
    expect(codePoints(iconOf('地図'))).toEqual(['U+1F5FA'])
    expect(html).not.toContain('\u200D')
  })

  it('ends with the release line: number (to history), effective and published dates', () => {
    const html = partnersPage()
    expect(html).toContain(
      '<footer class="site-footer">\n<p><a href="/partners/ja/history#release-3">リリース 3</a>、' +
        '<time datetime="2026-05-01T00:00:00.000Z">2026年5月1日 9:00 (JST)</time>発効、' +
        '<time datetime="2026-04-01T09:30:00.000Z">2026年4月1日 18:30 (JST)</time>公開</p>\n</footer>',
    )
  })

  it('announces upcoming releases with date, change type and summary, each linking to its page, and the upcoming API', () => {
    const next = makeRelease({
      number: 4,
      changeType: 'material',
      summary: '分析 <の> 変更',
      effectiveAt: '2026-06-15T00:00:00Z',
    })
    const later = makeRelease({ number: 5, effectiveAt: '2026-07-01T00:00:00Z' })
    const html = partnersPage(makeRelease(), { upcoming: [next, later] })
    expect(html).toContain('<h2 id="upcoming-heading">今後の変更</h2>')
    expect(html).toContain(
      '<li><a href="/partners/ja/upcoming/4">リリース 4</a>(<time datetime="2026-06-15T00:00:00.000Z">2026年6月15日 9:00 (JST)</time>発効)— 重要な変更:分析 &lt;の&gt; 変更</li>',
    )
    expect(html).toContain('<li><a href="/partners/ja/upcoming/5">リリース 5</a>(')
    expect(html).toContain(
      '<a href="/content/v1/partners/ja/upcoming">予告中の変更の全文(JSON)</a>',
    )
    // Its archive page and the diff page open only once it is in effect.
    expect(html).not.toContain('/partners/ja/diff/3/4')
    expect(html).not.toContain('/partners/ja/releases/4"')
    expect(partnersPage()).not.toContain('upcoming-heading')
    expect(
      partnersPage(makeRelease(), { upcoming: [next], site: { ...SITE, basePath: '/legal' } }),
    ).toContain('<a href="/legal/ja/upcoming/4">リリース 4</a>')
    expectDocument(html, 'ja')
  })

  it('in a target locale: English structural labels and heading, but the page text never falls back to Japanese', () => {
    const html = partnersPage(enRelease())
    expectDocument(html, 'en')
    expect(html).toContain('<h1>Our third-party partners</h1>')
    expect(html).toContain(
      '<th scope="col">Type</th><th scope="col">Description</th><th scope="col">Data-use note</th>',
    )
    expect(html).not.toContain('タイプ')
    expect(html).not.toContain(jaSource.intro)
    for (const category of jaSource.categories) {
      expect(html).not.toContain(category.name)
      expect(html).not.toContain(category.description)
    }
    expect(html).toContain('<span aria-hidden="true">👩💻</span> Support</th>')
  })

  it('falls back to the Japanese column labels only for ja', () => {
    const release = makeRelease()
    release.content.page.columnLabels = { type: null, description: null, dataUsageNote: null }
    expect(partnersPage(release)).toContain(
      '<th scope="col">タイプ</th><th scope="col">説明</th><th scope="col">データ使用上の注意</th>',
    )
    const fr = enRelease({ locale: 'fr' })
    fr.content.page.columnLabels = { type: 'Type', description: null, dataUsageNote: 'Données' }
    expect(partnersPage(fr)).toContain(
      '<th scope="col">Type</th><th scope="col">Description</th><th scope="col">Données</th>',
    )
  })

  it('shows the source notice in the page locale, then the authoritative-language note, once', () => {
    const note = 'La version japonaise fait foi.'
    const release = enRelease({ locale: 'fr' })
    release.content.page.authoritativeLanguageNote = note
    const html = partnersPage(release, {
      sourceNotice: { updatedAt: '2026-05-01T00:00:00Z', authoritativeLanguageNote: note },
    })
    expectDocument(html, 'fr')
    expect(html).toContain(
      '<div class="notice" role="note"><p>La version japonaise a été mise à jour le ' +
        '<time datetime="2026-05-01T00:00:00.000Z">1 mai 2026 à 09:00 (UTC+9)</time> ; ' +
        'en cas de divergence, la version japonaise prévaut.</p><p>La version japonaise fait foi.</p></div>',
    )
    expect(count(html, /La version japonaise fait foi/)).toBe(1)
  })

  it('shows the release’s own authoritative-language note when the translation is up to date', () => {
    const html = partnersPage(enRelease())
    expect(html).toContain(
      '<div class="notice" role="note"><p>The Japanese version is the authoritative one.</p></div>',
    )
    expect(html).not.toContain('was updated on')
  })

  it('words the notice and dates in Russian, and honours basePath', () => {
    const html = partnersPage(enRelease({ locale: 'ru' }), {
      sourceNotice: { updatedAt: '2026-05-01T00:00:00Z', authoritativeLanguageNote: null },
      site: { ...SITE, basePath: '/legal/partners/' },
    })
    expect(html).toContain(
      'Японская версия обновлена <time datetime="2026-05-01T00:00:00.000Z">1 мая 2026 г. в 09:00 (GMT+9)</time>',
    )
    expect(html).toContain('<a href="/legal/partners/ru/history">История</a>')
    expect(html).toContain('<a href="/legal/partners/ja" hreflang="ja" lang="ja">日本語</a>')
  })
})

describe('the notice across locales', () => {
  it('names the Japanese release the translation follows and the one in effect', () => {
    const html = partnersPage(enRelease(), {
      sourceNotice: {
        updatedAt: '2026-05-01T00:00:00Z',
        authoritativeLanguageNote: null,
        sourceReleaseInEffect: 4,
        translatedFromSourceRelease: 3,
      },
    })
    expect(html).toContain(
      '<div class="notice" role="note"><p>The Japanese version was updated on <time datetime="2026-05-01T00:00:00.000Z">',
    )
    expect(html).toContain(
      '<p>This translation follows Japanese release 3; Japanese release 4 is in effect.</p></div>',
    )
  })

  it('an announced translation names the Japanese release it waits for; a Japanese one names none', () => {
    const next = enRelease({
      number: 3,
      effectiveAt: '2027-01-10T00:00:00.000Z',
      sourceReleaseNumber: 5,
      summary: 'Maps translated',
    })
    const html = partnersPage(enRelease(), { upcoming: [next] })
    expect(html).toMatch(
      /<li><a href="\/partners\/en\/upcoming\/3">Release 3<\/a>, effective <time datetime="2027-01-10T00:00:00.000Z">[^<]*<\/time> — Editorial change: Maps translated \(translates Japanese release 5\)<\/li>/,
    )
    const ja = partnersPage(makeRelease(), {
      upcoming: [makeRelease({ number: 4, effectiveAt: '2027-01-10T00:00:00.000Z' })],
    })
    expect(ja).not.toContain('日本語版リリース')
  })
})

describe('renderHistoryPage', () => {
  const releases = [
    {
      release: makeRelease({ number: 3, rollbackOf: 1, summary: 'リリース 1 に戻す' }),
      status: 'current' as const,
    },
    {
      release: makeRelease({ number: 2, changeType: 'material', summary: '地図を追加' }),
      status: 'superseded' as const,
    },
    { release: makeRelease({ number: 1, summary: '初版' }), status: 'past' as const },
  ]
  const html = renderHistoryPage({ locale: 'ja', releases, site: SITE })

  it('is a complete document whose nav marks history as current', () => {
    expectDocument(html, 'ja')
    expect(html).toContain('<h1>リリース履歴</h1>')
    expect(html).toContain('<a href="/partners/ja/history" aria-current="page">')
  })

  it('lists every release newest first with number, status, change type, summary and dates', () => {
    const table = tableOf(html)
    expect(count(table, /<th scope="col">/)).toBe(7)
    expect(count(table, /<th scope="row">/)).toBe(3)
    const numbers = [...table.matchAll(/<tr id="release-(\d+)">/g)].map((match) => Number(match[1]))
    expect(numbers).toEqual([3, 2, 1])
    expect(table).toContain(
      '<th scope="row"><a href="/partners/ja/releases/3">リリース 3</a></th>\n' +
        '<td><span class="cell-label">状態</span>現行</td>\n' +
        '<td><span class="cell-label">変更の種類</span>編集上の変更</td>',
    )
    expect(table).toContain(
      '<td><span class="cell-label">状態</span>差し替え済み</td>\n' +
        '<td><span class="cell-label">変更の種類</span>重要な変更</td>\n' +
        '<td><span class="cell-label">概要</span>地図を追加</td>',
    )
    expect(table).toContain('<td><span class="cell-label">状態</span>過去</td>')
    // Release 1 has no diff: an empty cell, without a label (hidden when stacked).
    expect(table).toMatch(/<tr id="release-1">[^]*<td><\/td>\n<\/tr>/)
    expect(table).toContain(
      '<time datetime="2026-05-01T00:00:00.000Z">2026年5月1日 9:00 (JST)</time>',
    )
  })

  it('mentions rollbacks and links each release to its diff with the previous one', () => {
    expect(html).toContain(
      'リリース 1 に戻す (<a href="/partners/ja/releases/1">リリース 1 へのロールバック</a>)',
    )
    expect(html).toContain('<a href="/partners/ja/diff/2/3">リリース 2 から 3 への変更点</a>')
    expect(html).toContain('<a href="/partners/ja/diff/1/2">')
    expect(html).not.toContain('/diff/0/1')
  })

  it('translates the interface and falls back to English for an unknown locale', () => {
    expect(renderHistoryPage({ locale: 'fr', releases, site: SITE })).toContain(
      '<h1>Historique des versions</h1>',
    )
    const unknown = renderHistoryPage({ locale: 'de', releases, site: SITE })
    expectDocument(unknown, 'de')
    expect(unknown).toContain('<h1>Release history</h1>')
  })
})

describe('renderArchivedReleasePage', () => {
  const release = makeRelease({ number: 2 })
  const html = renderArchivedReleasePage({
    release,
    status: 'superseded',
    currentNumber: 3,
    site: SITE,
  })

  it('says which release this is, its status, and links to the current page and the changes since', () => {
    expectDocument(html, 'ja')
    expect(html).toContain('<title>リリース 2 — サードパーティパートナー</title>')
    expect(html).toContain(
      '<div class="notice" role="note"><p>これはリリース 2(差し替え済み)です。</p>' +
        '<p><a href="/partners/ja">現行版を見る</a> · <a href="/partners/ja/diff/2/3">リリース 2 から 3 への変更点</a></p></div>',
    )
  })

  it('shows the same body as the partners page (one table renderer for both)', () => {
    expect(tableOf(html)).toBe(tableOf(partnersPage(release)))
    expect(html).toContain(`<p>${jaSource.intro}</p>`)
  })

  it('has no diff link when it is the current release or there is none', () => {
    const current = renderArchivedReleasePage({
      release,
      status: 'current',
      currentNumber: 2,
      site: SITE,
    })
    expect(current).not.toContain('/diff/')
    const upcoming = renderArchivedReleasePage({
      release: makeRelease({ number: 5 }),
      status: 'upcoming',
      currentNumber: 3,
      site: SITE,
    })
    expect(upcoming).toContain('<a href="/partners/ja/diff/3/5">')
    expect(upcoming).toContain('(予定)')
    expect(
      renderArchivedReleasePage({ release, status: 'past', currentNumber: null, site: SITE }),
    ).not.toContain('/diff/')
  })
})

describe('renderDiffPage', () => {
  const from = makeRelease({ number: 2 })
  const to = makeRelease({ number: 3 })
  const [cloud, bugs] = from.content.categories
  const diff: ReleaseDiff = {
    locale: 'ja',
    from: 2,
    to: 3,
    page: [
      {
        field: 'title',
        before: '旧タイトル',
        after: '新タイトル',
        changes: [
          { kind: 'delete', text: '旧' },
          { kind: 'insert', text: '新' },
          { kind: 'equal', text: 'タイトル' },
        ],
      },
      {
        field: 'intro',
        before: 'a\nb',
        after: 'a\nc <script>alert(1)</script>',
        changes: [
          { kind: 'equal', text: 'a\n' },
          { kind: 'delete', text: 'b' },
          { kind: 'insert', text: 'c <script>alert(1)</script>' },
        ],
      },
    ],
    categories: {
      added: [{ ...bugs!, key: 'new-one', name: '新しいカテゴリ', icon: '🆕' }],
      removed: [cloud!],
      changed: [
        {
          key: 'maps',
          name: '地図',
          fields: [
            { field: 'dataUsageNote', before: 'x', after: 'y', changes: [] },
            {
              field: 'retiredField',
              before: '1',
              after: '2',
              changes: [{ kind: 'insert', text: '2' }],
            },
          ],
        },
      ],
    },
  }
  const html = renderDiffPage({ diff, fromRelease: from, toRelease: to, site: SITE })

  it('is a complete document headed with the two release numbers', () => {
    expectDocument(html, 'ja')
    expect(html).toContain('<h1>リリース 2 から 3 への変更点</h1>')
    expect(html).toContain(
      '<a href="/partners/ja/releases/2">リリース 2</a>(<time datetime="2026-05-01T00:00:00.000Z">',
    )
  })

  it('redlines page fields: equal text plain, insertions in <ins>, deletions in <del>, newlines as <br>', () => {
    expect(html).toContain('<h3>タイトル</h3>\n<p><del>旧</del><ins>新</ins>タイトル</p>')
    expect(html).toContain(
      '<h3>導入文</h3>\n<p>a<br><del>b</del><ins>c &lt;script&gt;alert(1)&lt;/script&gt;</ins></p>',
    )
  })

  it('redlines changed category fields under the category name, with readable or raw labels', () => {
    expect(html).toContain(
      '<h3>地図</h3>\n<h4>データ使用上の注意</h4>\n<p><del>x</del><ins>y</ins></p>',
    )
    expect(html).toContain('<h4>retiredField</h4>\n<p><ins>2</ins></p>')
  })

  it('shows added categories as inserted rows and removed ones as deleted rows', () => {
    expect(html).toMatch(
      /<h2>追加<\/h2>\n<ins class="block"><table class="categories">\n<caption>追加<\/caption>[\s\S]*新しいカテゴリ[\s\S]*<\/table><\/ins>/,
    )
    expect(html).toMatch(
      /<h2>削除<\/h2>\n<del class="block"><table class="categories">[\s\S]*クラウド プラットフォーム[\s\S]*<\/table><\/del>/,
    )
    expect(html).toContain('<span aria-hidden="true">🆕</span> 新しいカテゴリ</th>')
  })

  it('says so plainly when nothing changed', () => {
    const empty = renderDiffPage({
      diff: {
        locale: 'en',
        from: 1,
        to: 2,
        page: [],
        categories: { added: [], removed: [], changed: [] },
      },
      fromRelease: enRelease({ number: 1 }),
      toRelease: enRelease({ number: 2 }),
      site: SITE,
    })
    expectDocument(empty, 'en')
    expect(empty).toContain('<p>No text changed between these releases.</p>')
    expect(empty).not.toMatch(/<ins|<del/)
  })
})

describe('renderUpcomingReleasePage', () => {
  const inEffect = makeRelease({ number: 3 })
  /** Release 4, announced for 15 June: the maps category renamed, the marketing one retired, a new title. */
  const announcedRelease = (overrides: Partial<Release> = {}): Release => {
    const release = makeRelease({
      number: 4,
      changeType: 'material',
      summary: '地図の名称を変更',
      effectiveAt: '2026-06-15T00:00:00.000Z',
      publishedAt: '2026-05-10T00:00:00.000Z',
      ...overrides,
    })
    release.content.page.title = 'パートナー一覧'
    release.content.categories = release.content.categories
      .filter((category) => category.key !== 'marketing')
      .map((category) => (category.key === 'maps' ? { ...category, name: '地図の提供' } : category))
    return release
  }
  const announced = announcedRelease()
  const diff = diffReleases(inEffect, announced)
  const page = (overrides: Partial<Parameters<typeof renderUpcomingReleasePage>[0]> = {}) =>
    renderUpcomingReleasePage({
      release: announced,
      inEffect: { release: inEffect, diff },
      site: SITE,
      ...overrides,
    })
  const html = page()
  const sectionOf = (markup: string, start: string): string =>
    markup.slice(markup.indexOf(start), markup.indexOf('</section>', markup.indexOf(start)))

  it('is a complete document headed with the announcement and the date it takes effect, as a <time>', () => {
    expectDocument(html, 'ja')
    expect(html).toContain(
      '<h1>予告:リリース 4 は<time datetime="2026-06-15T00:00:00.000Z">2026年6月15日 9:00 (JST)</time>に発効します</h1>',
    )
    expect(html).toContain(
      '<title>予告:リリース 4 は2026年6月15日 9:00 (JST)に発効します — パートナー一覧</title>',
    )
    expect(html).not.toContain('aria-current="page"')
  })

  it('says its change type and summary, what stays in effect, and links to its redline and the current page', () => {
    expect(html).toContain(
      '<div class="notice" role="note"><p>重要な変更:地図の名称を変更</p>' +
        '<p>それまではリリース 3 が引き続き有効です。</p>' +
        '<p><a href="#changes">リリース 3 から 4 への変更点</a> · <a href="/partners/ja">現行版を見る</a></p></div>',
    )
  })

  it('shows its full text with the same body renderer as the other pages, its title one level down', () => {
    const fullText = sectionOf(html, '<section aria-labelledby="announced-text">')
    expect(fullText).toContain(
      '<h2 id="announced-text">リリース 4 の全文</h2>\n<h3>パートナー一覧</h3>',
    )
    expect(fullText).toContain(`<p>${jaSource.intro}</p>`)
    expect(tableOf(fullText)).toBe(tableOf(partnersPage(announced)))
    expect(fullText).toContain('地図の提供</th>')
    expect(fullText).not.toContain('マーケティング')
  })

  it('redlines it against the release in effect with the diff page’s own renderer', () => {
    // The last section of <main>, with sections of its own.
    const changes = html.slice(html.indexOf('<section id="changes"'), html.indexOf('</main>'))
    expect(changes).toContain(
      '<section id="changes" aria-labelledby="changes-heading">\n<h2 id="changes-heading">リリース 3 から 4 への変更点</h2>',
    )
    expect(changes).toContain('<h3>ページの本文</h3>\n<h4>タイトル</h4>\n<p>')
    expect(changes).toMatch(
      /<h3>変更<\/h3>\n<h4>地図の提供<\/h4>\n<h5>名前<\/h5>\n<p>地図<ins>[^<]+<\/ins><\/p>/,
    )
    expect(changes).toMatch(
      /<h3>削除<\/h3>\n<del class="block"><table class="categories">[\s\S]*マーケティング/,
    )
    // The same runs, sections and tables as /partners/ja/diff/3/4, each heading one level down.
    const diffPage = renderDiffPage({
      diff,
      fromRelease: inEffect,
      toRelease: announced,
      site: SITE,
    })
    const redlineOf = (markup: string) =>
      [
        ...markup.matchAll(
          /<(?:p|ins class="block"|del class="block")>[\s\S]*?<\/(?:p|ins|del)>\n/g,
        ),
      ]
        .map((match) => match[0])
        .filter((block) => /<ins|<del/.test(block))
    expect(redlineOf(changes)).toEqual(redlineOf(diffPage))
    expect(redlineOf(changes).length).toBeGreaterThan(2)
  })

  it('ends with its release line, not linked to the history it is not in yet', () => {
    expect(html).toContain(
      '<footer class="site-footer">\n<p>リリース 4、<time datetime="2026-06-15T00:00:00.000Z">2026年6月15日 9:00 (JST)</time>発効、' +
        '<time datetime="2026-05-10T00:00:00.000Z">2026年5月10日 9:00 (JST)</time>公開</p>\n</footer>',
    )
    expect(html).not.toContain('/history#release-4')
  })

  it('with no release in effect yet: says it will be the first, and has no redline', () => {
    const first = page({ inEffect: null })
    expectDocument(first, 'ja')
    expect(first).toContain(
      '<p>現在有効なリリースはまだありません。このリリースが最初のリリースになります。</p>',
    )
    expect(first).not.toContain('id="changes"')
    expect(first).not.toContain('href="#changes"')
    expect(first).not.toMatch(/<ins|<del/)
  })

  it('words it in each locale; a translation names the Japanese release it translates', () => {
    const en = enRelease({
      number: 2,
      effectiveAt: '2026-06-15T00:00:00.000Z',
      sourceReleaseNumber: 4,
    })
    const english = renderUpcomingReleasePage({
      release: en,
      inEffect: {
        release: enRelease({ number: 1 }),
        diff: diffReleases(enRelease({ number: 1 }), en),
      },
      site: SITE,
    })
    expectDocument(english, 'en')
    expect(english).toContain(
      '<h1>Announced: release 2 takes effect on <time datetime="2026-06-15T00:00:00.000Z">June 15, 2026 at 9:00 AM (GMT+9)</time></h1>',
    )
    expect(english).toContain(
      '<p>Editorial change: First English release (translates Japanese release 4)</p><p>Until then, release 1 remains in effect.</p>',
    )
    expect(english).toContain('<h2 id="announced-text">Full text of release 2</h2>')
    expect(english).toContain('<p>No text changed between these releases.</p>')
    const fr = renderUpcomingReleasePage({
      release: enRelease({ locale: 'fr', number: 2, effectiveAt: '2026-06-15T00:00:00.000Z' }),
      inEffect: null,
      site: SITE,
    })
    expectDocument(fr, 'fr')
    expect(fr).toContain(
      '<h1>Annoncée : la version 2 entrera en vigueur le <time datetime="2026-06-15T00:00:00.000Z">15 juin 2026 à 09:00 (UTC+9)</time></h1>',
    )
    expect(fr).toContain('Aucune version n’est encore en vigueur ; celle-ci sera la première.')
    const ru = renderUpcomingReleasePage({
      release: enRelease({ locale: 'ru', number: 2, effectiveAt: '2026-06-15T00:00:00.000Z' }),
      inEffect: null,
      site: { ...SITE, basePath: '/legal' },
    })
    expectDocument(ru, 'ru')
    expect(ru).toContain(
      '<h1>Объявлена редакция 2: вступает в силу <time datetime="2026-06-15T00:00:00.000Z">15 июня 2026 г. в 09:00 (GMT+9)</time></h1>',
    )
    expect(ru).toContain('<a href="/legal/ru">Перейти к действующей редакции</a>')
  })
})

describe('renderErrorPage', () => {
  it('is a small document in the given language with the message escaped', () => {
    const html = renderErrorPage({
      status: 404,
      message: 'No release 9 for "fr" <here>',
      locale: 'fr',
    })
    expectDocument(html, 'fr')
    expect(html).toContain('<title>404 — Page introuvable</title>')
    expect(html).toContain('<p>No release 9 for &quot;fr&quot; &lt;here&gt;</p>')
    expect(renderErrorPage({ status: 400, message: 'x', locale: 'ja' })).toContain(
      '<h1>不正なリクエストです</h1>',
    )
  })

  it('never writes a hostile locale into the lang attribute', () => {
    const html = renderErrorPage({
      status: 404,
      message: '<script>alert(1)</script>',
      locale: 'x"><script>alert(1)</script>',
    })
    expectDocument(html, 'en')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('hostile content in every field', () => {
  const evil = hostileRelease()
  const evilText = HOSTILE_STRINGS.join(' ')
  const next = hostileRelease({ number: 4, effectiveAt: 'not a date <script>' })
  const evilDiff: ReleaseDiff = {
    locale: 'ja',
    from: 3,
    to: 4,
    page: [
      {
        field: evilText,
        before: evilText,
        after: null,
        changes: HOSTILE_STRINGS.map((text) => ({ kind: 'insert', text })),
      },
    ],
    categories: {
      added: evil.content.categories.slice(-1),
      removed: evil.content.categories.slice(-1),
      changed: [
        {
          key: evilText,
          name: null,
          fields: [{ field: evilText, before: null, after: evilText, changes: [] }],
        },
      ],
    },
  }
  const pages: Array<[string, string]> = [
    [
      'partners page',
      renderPartnersPage({
        release: evil,
        upcoming: [next],
        sourceNotice: { updatedAt: evilText, authoritativeLanguageNote: evilText },
        site: {
          ...SITE,
          locales: [...LOCALES, 'x" onmouseover="alert(1)'],
          available: [...LOCALES, 'x" onmouseover="alert(1)'],
          basePath: '/p"><script>alert(1)</script>',
        },
      }),
    ],
    [
      'history page',
      renderHistoryPage({
        locale: 'ja',
        releases: [{ release: evil, status: 'current' }],
        site: SITE,
      }),
    ],
    [
      'archived page',
      renderArchivedReleasePage({
        release: evil,
        status: 'past',
        currentNumber: 4,
        site: SITE,
      }),
    ],
    [
      'diff page',
      renderDiffPage({ diff: evilDiff, fromRelease: evil, toRelease: next, site: SITE }),
    ],
    [
      'announced release page',
      renderUpcomingReleasePage({
        release: next,
        inEffect: { release: evil, diff: evilDiff },
        site: { ...SITE, basePath: '/p"><script>alert(1)</script>' },
      }),
    ],
    ['error page', renderErrorPage({ status: 400, message: evilText, locale: 'ja' })],
    [
      'page in a hostile locale',
      partnersPage(hostileRelease({ locale: '"><script>alert(1)</script>' })),
    ],
  ]

  it.each(pages)('%s: nothing hostile is live markup', (_name, html) => {
    expectInertHtml(html)
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<object|<embed/i)
  })

  it.each(pages.slice(0, 6))('%s: the hostile text is still shown, as text', (_name, html) => {
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'))
  })

  it('writes an unparseable date as text, without a <time> element', () => {
    const html = pages[0]?.[1] ?? ''
    expect(html).toContain('not a date &lt;script&gt;')
    expect(html).not.toMatch(/<time datetime="not a date/)
  })

  it('keeps the hostile category key and icon out of attributes', () => {
    const html = pages[0]?.[1] ?? ''
    expect(html).toContain('<span aria-hidden="true">&lt;img src=x onerror=alert(18)&gt;</span>')
    expect(html).not.toContain('evil" onclick')
  })

  it('renders rich text that is only paragraphs of markup as escaped paragraphs', () => {
    const release = makeRelease()
    release.content.page.intro = paragraphsToRichText(HOSTILE_STRINGS)
    const html = partnersPage(release)
    for (const hostile of HOSTILE_STRINGS) expect(html).toContain(`<p>${escapeHtml(hostile)}</p>`)
  })
})

describe('the inertness check itself', () => {
  it.each([
    '<p onclick="alert(1)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<p style="color:red">x</p>',
    '<img src=x>',
    '<p>broken <b</p>',
    '<p>stray > bracket</p>',
  ])('rejects %j', (html) => {
    expect(() => expectInertHtml(html)).toThrow()
  })
})
