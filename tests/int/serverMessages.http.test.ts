import { categoryIdByKey } from '@support/contentChanges'
import { login, request, sharedClient, type TestUserName } from '../helpers/http'

/**
 * The server's refusals in the admin's language: a browser's Accept-Language or the admin's own
 * language cookie picks Japanese; a client that names no language hears English. Every request
 * here is refused, so nothing changes on the shared server.
 */
type Problem = {
  errors: Array<{
    message: string
    data?: { errors?: Array<{ path: string; message: string }> }
  }>
}

const JA = { 'Accept-Language': 'ja-JP,ja;q=0.9,en;q=0.8' }
const JA_COOKIE = { Cookie: 'payload-lng=ja' }
const EN = { 'Accept-Language': 'en-US,en;q=0.9' }
const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0'

const as = async (
  who: TestUserName,
  path: string,
  options: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> },
) => request<Problem>(path, { ...options, token: await login(who) })

const pageState = async (locale: string) =>
  (
    await request<{ state: string }>(`/api/globals/partners-page/workflow?locale=${locale}`, {
      token: await login('reviewer'),
    })
  ).body.state

const myId = async (who: TestUserName) =>
  (await request<{ user: { id: number } }>('/api/users/me', { token: await login(who) })).body.user
    .id

describe('refused saves in the admin language', () => {
  it('a weak password is explained in Japanese on the password field, in English without a language', async () => {
    const id = await myId('editor2')
    const ja = await as('editor2', `/api/users/${id}`, {
      method: 'PATCH',
      json: { password: 'short' },
      headers: JA,
    })
    expect(ja.status).toBe(400)
    expect(ja.body.errors[0]?.data?.errors).toEqual([
      { path: 'password', message: 'パスワードは12文字以上にしてください（現在5文字です）。' },
    ])
    const plain = await as('editor2', `/api/users/${id}`, {
      method: 'PATCH',
      json: { password: 'short' },
    })
    expect(plain.status).toBe(400)
    expect(plain.body.errors[0]?.data?.errors?.[0]?.message).toBe(
      'the password must have at least 12 characters (it has 5)',
    )
    // Nothing changed: the old password still signs in.
    expect(
      (await sharedClient().request('/api/users/me', { token: await login('editor2') })).status,
    ).toBe(200)
  })

  it("a non-administrator's role change is refused in Japanese (language cookie) and English", async () => {
    const id = await myId('editor')
    const ja = await as('editor', `/api/users/${id}`, {
      method: 'PATCH',
      json: { role: 'admin' },
      headers: JA_COOKIE,
    })
    expect(ja.status).toBe(403)
    expect(ja.body.errors[0]?.message).toBe('ユーザーの役割を変更できるのは管理者だけです。')
    const en = await as('editor', `/api/users/${id}`, {
      method: 'PATCH',
      json: { role: 'admin' },
      headers: EN,
    })
    expect(en.status).toBe(403)
    expect(en.body.errors[0]?.message).toBe("Only an administrator can change a user's role.")
    const me = await request<{ user: { role: string } }>('/api/users/me', {
      token: await login('editor'),
    })
    expect(me.body.user.role).toBe('legal-editor')
  })

  it('an empty required field of the Japanese source names the language, not its code', async () => {
    const id = await categoryIdByKey(sharedClient(), 'cloud-platform')
    const ja = await as('editor', `/api/partner-categories/${id}?locale=ja`, {
      method: 'PATCH',
      json: { name: '' },
      headers: JA,
    })
    expect(ja.status).toBe(400)
    expect(ja.body.errors[0]?.data?.errors).toEqual([
      expect.objectContaining({ path: 'name', message: 'この項目は原文（日本語）では必須です。' }),
    ])
    const plain = await as('editor', `/api/partner-categories/${id}?locale=ja`, {
      method: 'PATCH',
      json: { name: '' },
    })
    expect(plain.body.errors[0]?.data?.errors?.[0]?.message).toBe(
      'This field is required in the source locale (ja).',
    )
  })

  it('password reset by email is refused in Japanese', async () => {
    const ja = await request<Problem>('/api/users/forgot-password', {
      method: 'POST',
      json: { email: 'editor@kaiji.test' },
      headers: JA,
    })
    expect(ja.status).toBe(403)
    expect(ja.body.errors[0]?.message).toMatch(/^メールによるパスワードの再設定はできません/)
  })
})

describe('workflow and translation endpoints in the admin language', () => {
  it('a translator may not approve: Japanese names the action, English stays as it was', async () => {
    const before = await pageState('en')
    const ja = await as('translatorEn', '/api/globals/partners-page/workflow', {
      method: 'POST',
      json: { action: 'approve', locale: 'en' },
      headers: JA,
    })
    expect(ja.status).toBe(403)
    expect(ja.body.errors[0]?.message).toBe('「承認」ができるのは法務レビュアーと管理者だけです。')
    const plain = await as('translatorEn', '/api/globals/partners-page/workflow', {
      method: 'POST',
      json: { action: 'approve', locale: 'en' },
    })
    expect(plain.status).toBe(403)
    expect(plain.body.errors[0]?.message).toBe('Only legal reviewers and admins may approve.')
    expect(await pageState('en')).toBe(before)
  })

  it('XLIFF file problems are listed in Japanese, with the language by name', async () => {
    const importXliff = (body: string, headers: Record<string, string>) =>
      as('translatorEn', '/api/translations/xliff?dryRun=true', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/xliff+xml', ...headers },
      })
    const malformed = await importXliff('<xliff', JA)
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0]?.message).toMatch(/^ファイルが正しい XML ではありません（/)
    const doctype = await importXliff('<!DOCTYPE x><xliff/>', EN)
    expect(doctype.body.errors[0]?.message).toBe(
      'The file has a DOCTYPE; XLIFF files have none (and none is processed here).',
    )
    const french = `<xliff xmlns="${XLIFF}" version="2.0" srcLang="ja" trgLang="fr"></xliff>`
    const notYours = await importXliff(french, JA)
    expect(notYours.status).toBe(403)
    expect(notYours.body.errors[0]?.message).toBe(
      'あなたの担当言語は英語で、フランス語ではありません。',
    )
    expect((await importXliff(french, {})).body.errors[0]?.message).toBe(
      'You translate en, not fr.',
    )
  })

  it('a refused bulk action says why in Japanese', async () => {
    const ja = await as('translatorEn', '/api/translations/bulk', {
      method: 'POST',
      json: { action: 'approve', locale: 'en' },
      headers: JA,
    })
    expect(ja.status).toBe(403)
    expect(ja.body.errors[0]?.message).toBe(
      'あなたの役割では英語の内容に対して「承認」はできません。',
    )
  })
})
