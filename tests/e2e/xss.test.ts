import type { Page } from 'playwright-core'

import { approveChange, categoryIdByKey, publicGet, releaseAction } from '@support/contentChanges'
import { xmllint } from '../helpers/xmllint'
import { expectInertHtml, HOSTILE_STRINGS, hostileRichText } from '../unit/fixtures/partnersRelease'
import { browserOnOwnServer, loginAs } from './browser'

/** The whole corpus where the field takes it; names and titles (at most 300) and column labels (100) take what fits. */
const EVIL = HOSTILE_STRINGS.join(' ')
const EVIL_NAME = HOSTILE_STRINGS.slice(0, 8).join(' ')
const EVIL_LABEL = HOSTILE_STRINGS.slice(0, 3).join(' ')

const text = (value: string, style = '') => ({
  type: 'text',
  text: value,
  format: 1,
  style,
  mode: 'normal',
  detail: 0,
  version: 1,
})
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
  ...extra,
})

/** Hostile text in every shape the editor accepts: paragraphs, a heading, a list, a link whose https URL carries markup, a style. */
const hostileButValidRichText = () => ({
  root: block('root', [
    ...HOSTILE_STRINGS.map((line) => block('paragraph', [text(line)])),
    block('heading', [text(EVIL)], { tag: 'h2' }),
    block('list', [block('listitem', [text(EVIL)], { value: 1 })], {
      tag: 'ul',
      listType: 'bullet',
    }),
    block('paragraph', [
      {
        type: 'link',
        version: 3,
        fields: {
          url: 'https://ok.example/"><script>alert(20)</script>',
          linkType: 'custom',
          newTab: true,
        },
        children: [text('link')],
      },
      text('styled', 'color:red" onmouseover="alert(9)'),
    ]),
  ]),
})
const CATEGORY_KEYS = [
  'cloud-platform',
  'bug-detection',
  'maps',
  'sms-providers',
  'analytics',
  'marketing',
  'support',
  'internal-tools',
]

const own = browserOnOwnServer('xss')

/** Hostile text in every field of the page and of one category, in ja and in en, approved and published in both. */
beforeAll(async () => {
  const api = own.api
  const page = {
    title: EVIL_NAME,
    intro: hostileButValidRichText(),
    notNamedNote: hostileButValidRichText(),
    columnLabels: { type: EVIL_LABEL, description: EVIL_LABEL, dataUsageNote: EVIL_LABEL },
    authoritativeLanguageNote: EVIL,
  }
  const category = {
    name: EVIL_NAME,
    description: hostileButValidRichText(),
    dataUsageNote: hostileButValidRichText(),
  }
  await approveChange(api, { subject: 'page', locale: 'ja', data: page })
  await approveChange(api, { subject: 'maps', locale: 'ja', data: category })
  const ja = await releaseAction(api, 'publish', {
    locale: 'ja',
    summary: EVIL,
    changeType: 'editorial',
  })
  if (ja.status !== 201) throw new Error(`publish ja: ${ja.status} ${JSON.stringify(ja.body)}`)
  await approveChange(api, { subject: 'page', locale: 'en', data: page, editor: 'translatorEn' })
  for (const key of CATEGORY_KEYS) {
    await approveChange(api, {
      subject: key,
      locale: 'en',
      data: key === 'maps' ? category : { name: `${key} ${EVIL_LABEL}` },
      editor: 'translatorEn',
    })
  }
  const en = await releaseAction(api, 'publish', {
    locale: 'en',
    summary: EVIL,
    changeType: 'editorial',
  })
  if (en.status !== 201) throw new Error(`publish en: ${en.status} ${JSON.stringify(en.body)}`)
}, 300_000)

const HTML_ROUTES = [
  '/partners/ja',
  '/partners/ja/history',
  '/partners/ja/releases/2',
  '/partners/ja/diff/1/2',
  '/partners/en',
  '/partners/en/history',
  '/partners/en/releases/1',
]

describe('rich text no editor could produce is refused at the door', () => {
  it('over REST and GraphQL, for categories and the page: 400 naming the field and place, nothing written', async () => {
    const id = await categoryIdByKey(own.api, 'support')
    const token = await own.api.login('editor')
    const before = (
      await own.api.request<{ description: unknown }>(`/api/partner-categories/${id}?locale=ja`, {
        token,
      })
    ).body.description
    const rest = await own.api.request<{ errors: Array<{ message: string }> }>(
      `/api/partner-categories/${id}?locale=ja`,
      { method: 'PATCH', token, json: { description: hostileRichText() } },
    )
    expect(rest.status).toBe(400)
    expect(rest.body.errors[0]?.message).toMatch(
      /^Invalid input — description: root\.children\[\d+\]/,
    )
    const page = await own.api.request<{ errors: Array<{ message: string }> }>(
      '/api/globals/partners-page?locale=ja',
      { method: 'POST', token, json: { intro: { root: { type: 'root', children: 'x' } } } },
    )
    expect(page.status).toBe(400)
    expect(page.body.errors[0]?.message).toBe(
      'Invalid input — intro: root.children must be a list of nodes.',
    )
    const gql = await own.api.graphql(
      `mutation($data: mutationPartnerCategoryUpdateInput!) { updatePartnerCategory(id: ${id}, locale: ja, data: $data) { id } }`,
      token,
      {
        data: {
          dataUsageNote: {
            root: {
              type: 'root',
              version: 1,
              children: [
                {
                  type: 'paragraph',
                  version: 1,
                  children: [
                    {
                      type: 'link',
                      version: 1,
                      fields: { url: 'javascript:alert(1)' },
                      children: [],
                    },
                  ],
                },
              ],
            },
          },
        },
      },
    )
    expect(gql.body.errors?.[0]?.message).toMatch(/links to "javascript:alert\(1\)"/)
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(
      (
        await own.api.request<{ description: unknown }>(`/api/partner-categories/${id}?locale=ja`, {
          token,
        })
      ).body.description,
    ).toEqual(before)
  })
})

describe('hostile text stored in any locale never becomes markup or script', () => {
  it('is stored as text: the API gives it back exactly', async () => {
    const maps = await own.api.request<{ name: string }>(
      `/api/partner-categories/${await categoryIdByKey(own.api, 'maps')}?locale=en`,
      { token: await own.api.login('admin') },
    )
    expect(maps.body.name).toBe(EVIL_NAME)
  })

  it.each(HTML_ROUTES)(
    '%s: only our own tags and attributes, no handler, no script URL, and a CSP that runs no script',
    async (route) => {
      const response = await publicGet(own.api, route)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
      expect(response.headers.get('content-security-policy')).not.toMatch(/script-src/)
      expectInertHtml(response.text)
      // The hostile text is shown, as text.
      expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    },
  )

  it('the JSON API carries the rendered HTML inert too', async () => {
    const { body } = await publicGet(own.api, '/content/v1/partners/en')
    const html = JSON.stringify(body).match(/"html":"((?:[^"\\]|\\.)*)"/g) ?? []
    expect(html.length).toBeGreaterThan(0)
    for (const field of html) expectInertHtml(JSON.parse(`{${field}}`).html as string)
  })

  it('the Atom feeds are well-formed XML with the text escaped', async () => {
    for (const locale of ['ja', 'en']) {
      const feed = (await publicGet(own.api, `/partners/${locale}/feed.atom`)).text
      const check = xmllint(['--noout'], feed)
      expect(check.status).toBe(0)
      expect(feed).not.toMatch(/<script/i)
      expect(feed).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    }
  })

  it('in Chromium, neither the public pages nor the admin run any of it', async () => {
    const id = await categoryIdByKey(own.api, 'maps')
    await own.scenario('xss', async (open) => {
      const { page } = await open()
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const visit = async (target: Page, url: string) => {
        await target.goto(url)
        await target.waitForLoadState('load')
        await target.waitForTimeout(300)
      }
      for (const route of HTML_ROUTES) await visit(page, `${own.api.baseURL}${route}`)
      await loginAs(page, 'editor', own.api.baseURL)
      for (const locale of ['ja', 'en']) {
        await visit(
          page,
          `${own.api.baseURL}/admin/collections/partner-categories/${id}?locale=${locale}`,
        )
        await page.locator('[data-lexical-editor="true"]').first().waitFor()
        await page.getByText('alert(1)', { exact: false }).first().waitFor()
      }
      await visit(page, `${own.api.baseURL}/admin/globals/partners-page?locale=ja`)
      await visit(page, `${own.api.baseURL}/admin/collections/releases`)
      expect(dialogs).toEqual([])
    })
  })
})
