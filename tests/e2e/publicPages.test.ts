import type { Browser, BrowserContext, Page } from 'playwright-core'

import { publicGet } from '@support/contentChanges'
import { publishPublicPagesFixture, type PublicPagesFixture } from '@support/publicPagesFixture'
import { startIsolatedServer } from '@support/testServer'
import { htmlProblems, type HtmlProblem } from '../helpers/htmlValidity'
import {
  axeViolations,
  inBrowser,
  launchBrowser,
  loginAs,
  seriousAxeViolations,
  type AxeViolation,
} from './browser'

/**
 * Every kind of public page (the page, its history, an archived release, a diff and an announced
 * release) in every locale with a release, on a phone (375 px) and a desktop (1280 px), light and
 * dark: axe-core finds no serious or critical violation, html-validate no error, nothing scrolls
 * sideways on the phone, and there the category and history tables are stacked with their labels
 * shown.
 */

const WIDTHS = [375, 1280] as const
const LOGO = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#f5c400"/></svg>').toString('base64')}`

const KINDS = ['page', 'history', 'archived release', 'diff', 'upcoming'] as const
type Kind = (typeof KINDS)[number]

let server: Awaited<ReturnType<typeof startIsolatedServer>>
let browser: Browser
let fixture: PublicPagesFixture

/** What the closing note reports: pages and runs checked, and axe's findings by impact. */
const figures = {
  pages: new Set<string>(),
  axeRuns: 0,
  validated: 0,
  htmlProblems: 0,
  byImpact: new Map<string, number>(),
  rules: new Map<string, number>(),
}

beforeAll(async () => {
  server = await startIsolatedServer('public-pages', { KAIJI_PUBLIC_PORT: '0' })
  fixture = await publishPublicPagesFixture(server.client)
  const token = await server.client.login('admin')
  for (const [locale, json] of [
    [
      'ja',
      { siteName: 'ゼンリー', privacyPolicyUrl: '/privacy', footerNote: '© Zenly', logo: LOGO },
    ],
    ['en', { siteName: 'Zenly', privacyPolicyUrl: 'https://example.com/en/privacy' }],
  ] as const) {
    const saved = await server.client.request(`/api/globals/site-settings?locale=${locale}`, {
      method: 'POST',
      token,
      json,
    })
    if (saved.status !== 200) throw new Error(`site settings: ${saved.status} ${saved.text}`)
  }
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  const impacts = [...figures.byImpact].map(([impact, n]) => `${impact} ${n}`).join(', ') || 'none'
  const rules = [...figures.rules].map(([rule, n]) => `${rule} ×${n}`).join(', ') || 'none'
  process.stdout.write(
    `\npublic pages: ${figures.pages.size} pages, ${figures.axeRuns} axe runs (375 and 1280 px light, 1280 px dark), ` +
      `${figures.validated} documents through html-validate with ${figures.htmlProblems} problems; ` +
      `axe violations by impact: ${impacts}; rules: ${rules}\n`,
  )
})

const pathOf = (locale: 'ja' | 'en', kind: Kind): string => {
  const releases = fixture[locale]
  const paths: Record<Kind, string> = {
    page: `/partners/${locale}`,
    history: `/partners/${locale}/history`,
    'archived release': `/partners/${locale}/releases/${releases.first}`,
    diff: `/partners/${locale}/diff/${releases.first}/${releases.current}`,
    upcoming: `/partners/${locale}/upcoming/${releases.announced}`,
  }
  return paths[kind]
}

/** axe needs a script; the pages' policy allows none, so these contexts alone bypass it. */
const contextAt = (width: number, dark = false): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width, height: 900 },
    locale: 'ja-JP',
    colorScheme: dark ? 'dark' : 'light',
    bypassCSP: true,
  })

const runAxe = async (page: Page, label: string): Promise<AxeViolation[]> => {
  const violations = await axeViolations(page)
  figures.axeRuns += 1
  for (const violation of violations) {
    const impact = violation.impact ?? 'unknown'
    figures.byImpact.set(impact, (figures.byImpact.get(impact) ?? 0) + 1)
    figures.rules.set(violation.id, (figures.rules.get(violation.id) ?? 0) + 1)
  }
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ ...violation, help: `${label}: ${violation.help}` }))
}

/** How the page lays out: sideways scroll, and each table's cell labels and row headers as drawn. */
const layoutOf = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    const tables = [...document.querySelectorAll('main table')].map((table) => {
      const labels = [...table.querySelectorAll('.cell-label')]
      const shown = labels.filter((label) => {
        const box = label.getBoundingClientRect()
        return getComputedStyle(label).display !== 'none' && box.width > 0 && box.height > 0
      })
      const rowHeaders = [...table.querySelectorAll('tbody th')].map(
        (header) => header.getBoundingClientRect().width,
      )
      return {
        className: table.className,
        labels: labels.length,
        shown: shown.length,
        headerRowShown: getComputedStyle(table.querySelector('thead') ?? table).display !== 'none',
        narrowestRowHeader: Math.min(...rowHeaders),
      }
    })
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, tables }
  })

describe.each(['ja', 'en'] as const)('the %s public pages', (locale) => {
  it.each(WIDTHS.flatMap((width) => KINDS.map((kind) => [width, kind] as const)))(
    'at %i px, the %s: no serious or critical axe violation, no sideways scroll, tables laid out for the width',
    async (width, kind) => {
      const path = pathOf(locale, kind)
      const label = `${locale} ${kind} at ${width} px`
      const context = await contextAt(width)
      try {
        const page = await context.newPage()
        const response = await page.goto(`${server.client.baseURL}${path}`)
        expect({ label, status: response?.status() }).toEqual({ label, status: 200 })
        figures.pages.add(path)
        expect(await runAxe(page, label)).toEqual([])
        const layout = await layoutOf(page)
        expect({ label, scrolls: layout.scrollWidth > layout.clientWidth }).toEqual({
          label,
          scrolls: false,
        })
        for (const table of layout.tables) {
          const stacked = width === 375
          // Stacked: each field's label is drawn and the column headers are not; else the reverse.
          expect({ label, table: table.className, shown: table.shown }).toEqual({
            label,
            table: table.className,
            shown: stacked ? table.labels : 0,
          })
          expect({ label, headerRow: table.headerRowShown }).toEqual({
            label,
            headerRow: !stacked,
          })
          // The category names get a real column, never one character per line.
          expect(table.narrowestRowHeader).toBeGreaterThanOrEqual(stacked ? 250 : 80)
        }
        if (kind === 'page' || kind === 'history' || kind === 'archived release')
          expect(layout.tables.length).toBeGreaterThan(0)
      } finally {
        await context.close()
      }
    },
    120_000,
  )

  it.each(KINDS)(
    'the %s in the dark theme: no serious or critical axe violation',
    async (kind) => {
      const path = pathOf(locale, kind)
      const context = await contextAt(1280, true)
      try {
        const page = await context.newPage()
        await page.goto(`${server.client.baseURL}${path}`)
        expect(await runAxe(page, `${locale} ${kind} (dark)`)).toEqual([])
      } finally {
        await context.close()
      }
    },
    120_000,
  )

  it('the axe check can fail: an image without a text alternative is reported as critical', async () => {
    const context = await contextAt(375)
    try {
      const page = await context.newPage()
      await page.goto(`${server.client.baseURL}${pathOf(locale, 'page')}`)
      await page.evaluate(() => {
        const image = document.createElement('img')
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
        document.querySelector('main')?.append(image)
      })
      const found = await axeViolations(page)
      expect(found.map(({ id, impact }) => [id, impact])).toContainEqual(['image-alt', 'critical'])
    } finally {
      await context.close()
    }
  })

  it('every page kind is valid HTML (html-validate), from both the main port and the public site', async () => {
    const problems: Array<HtmlProblem & { path: string }> = []
    for (const path of KINDS.map((kind) => pathOf(locale, kind))) {
      for (const client of [server.client, server.publicSite!]) {
        const served = await publicGet(client, path)
        expect({ path, status: served.status }).toEqual({ path, status: 200 })
        const found = await htmlProblems(served.text)
        figures.validated += 1
        figures.htmlProblems += found.length
        problems.push(...found.map((problem) => ({ ...problem, path })))
      }
    }
    expect(problems).toEqual([])
  })

  it('loads nothing from elsewhere and breaks no rule of the pages’ policy (no console error)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      const page = await context.newPage()
      const own = new URL(server.client.baseURL).host
      const outside: string[] = []
      const errors: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.protocol !== 'data:' && url.host !== own) outside.push(request.url())
      })
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`)
      })
      for (const kind of KINDS) await page.goto(`${server.client.baseURL}${pathOf(locale, kind)}`)
      expect(outside).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})

/** A 1×1 PNG, as a file an administrator would pick. */
const PNG_FILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

describe('the site settings in the admin', () => {
  it('an administrator picks a logo file and saves: the public page shows it at once', async () => {
    await inBrowser(
      browser,
      'site-settings-logo',
      async (open) => {
        const { page, outsideRequests, consoleErrors } = await open()
        await loginAs(page, 'admin', server.client.baseURL)
        await page.goto(`${server.client.baseURL}/admin/globals/site-settings?locale=ja`)
        const field = page.locator('.logo-field')
        await field.locator('img').waitFor()
        await field.locator('input[type="file"]').setInputFiles({
          name: 'logo.png',
          mimeType: 'image/png',
          buffer: PNG_FILE,
        })
        await field
          .locator(`img[src="data:image/png;base64,${PNG_FILE.toString('base64')}"]`)
          .waitFor()
        await expect(seriousAxeViolations(page, '.logo-field')).resolves.toEqual([])
        await page.locator('#action-save').click()
        await page.locator('.payload-toast-container .toast-success').first().waitFor()
        const served = (await publicGet(server.client, '/partners/ja')).text
        expect(served).toContain(
          `<img class="site-logo" src="data:image/png;base64,${PNG_FILE.toString('base64')}" alt="">`,
        )
        expect(outsideRequests).toEqual([])
        expect(consoleErrors).toEqual([])
      },
      server.client.baseURL,
    )
  }, 120_000)
})
