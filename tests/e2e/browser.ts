import fs from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

import { baseURL, type ApiClient, type TestUserName } from '../helpers/http'
import { useIsolatedServer } from '../helpers/isolatedServer'
import { TEST_PASSWORD, TEST_USERS } from '@support/testUsers.mjs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })

/** A fresh page that records every request going to a host other than this server, and every console error. */
export const openPage = async (browser: Browser, base = baseURL()): Promise<OpenedPage> => {
  const context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 1400, height: 1000 },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  const own = new URL(base).host
  const outsideRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.host !== own)
      outsideRequests.push(request.url())
  })
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`))
  return { page, outsideRequests, consoleErrors }
}

export const loginAs = async (page: Page, name: TestUserName, base = baseURL()): Promise<void> => {
  await page.goto(`${base}/admin/login`)
  await page.locator('input[name="email"]').fill(TEST_USERS[name].email)
  await page.locator('input[name="password"]').fill(TEST_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
}

/** Saves a screenshot under test-results/ (ignored by git) to look at when a step fails. */
export const screenshot = async (page: Page, label: string): Promise<void> => {
  const dir = path.resolve('test-results/screenshots')
  fs.mkdirSync(dir, { recursive: true })
  await page
    .screenshot({ path: path.join(dir, `${label}.png`), fullPage: true })
    .catch(() => undefined)
}

export type OpenedPage = { page: Page; outsideRequests: string[]; consoleErrors: string[] }

/**
 * Runs one browser scenario against a server: every page it opens is screenshotted when the
 * scenario fails, and closed either way.
 */
export const inBrowser = async (
  browser: Browser,
  label: string,
  run: (open: () => Promise<OpenedPage>) => Promise<void>,
  base = baseURL(),
): Promise<void> => {
  const opened: Page[] = []
  const open = async () => {
    const result = await openPage(browser, base)
    opened.push(result.page)
    return result
  }
  try {
    await run(open)
  } catch (error) {
    for (const [index, page] of opened.entries()) await screenshot(page, `${label}-${index}`)
    throw error
  } finally {
    for (const page of opened) await page.context().close()
  }
}

type Open = () => Promise<OpenedPage>

/**
 * For a test file that needs a server of its own (a fresh database it may change) and a browser:
 * both start before its tests and stop after. `own.api` is the server's client once started.
 */
export const browserOnOwnServer = (label: string, env: Record<string, string> = {}) => {
  const own = useIsolatedServer(label, env)
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  }, 120_000)
  afterAll(async () => browser?.close())
  const started = () => {
    if (!browser) throw new Error(`the browser for ${label} did not start`)
    return browser
  }
  return {
    get api(): ApiClient {
      return own.api
    },
    /** A page of the scenario, signed in as one role. */
    as: async (open: Open, name: TestUserName): Promise<Page> => {
      const { page } = await open()
      await loginAs(page, name, own.api.baseURL)
      return page
    },
    /** A browser scenario on this file's own server. */
    scenario: (scenarioLabel: string, run: (open: Open) => Promise<void>) =>
      inBrowser(started(), scenarioLabel, run, own.api.baseURL),
  }
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] }

/** Runs axe-core inside the page (WCAG 2.x A and AA rules): every violation, whatever its impact. */
export const axeViolations = async (page: Page, scope?: string): Promise<AxeViolation[]> => {
  await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async (context) => {
    type AxeResult = {
      violations: Array<{
        id: string
        impact: string | null
        help: string
        nodes: Array<{ target: unknown[] }>
      }>
    }
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
      .axe
    const result = await axe.run(context ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }))
  }, scope)
}

/**
 * The serious and critical violations axe finds (WCAG 2.x A and AA rules), each with the selectors
 * of the elements it found; an accessible page returns [].
 */
export const seriousAxeViolations = async (page: Page, scope?: string): Promise<AxeViolation[]> =>
  (await axeViolations(page, scope)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
