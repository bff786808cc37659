import { KNOWN_CATEGORY_KEYS } from '@seed/categoryKeys'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { COMPRESSED_SUFFIXES, publicPathOf, REDIRECTS_FOLDER } from '@/delivery/exportLayout'
import { approveChange, releaseAction } from '@support/contentChanges'
import { kaijiNginxConf, startNginx, type RunningNginx } from '@support/nginx'
import { runScript, runScriptAsNpmDoes } from '@support/server.mjs'
import { startIsolatedServer, type IsolatedServer } from '@support/testServer'
import type { ApiClient } from '../helpers/http'
import { getBytes, type BytesAnswer } from '../helpers/rawRequest'

/**
 * The static export: `npm run export` writes every public path of every locale as files whose bytes
 * (plain, .br, .gz) are the public site's own; the server keeps KAIJI_STATIC_EXPORT_DIR rewritten,
 * swapping whole trees; nginx with deploy/nginx.conf serves an export as the public site does.
 * Content: ja releases 1 (seed) and 2, an English translation, ja release 3 announced a few seconds
 * ahead (so it redirects once in effect, and the English page says the Japanese text changed), and
 * ja release 4 announced 60 days ahead.
 */

const DAY = 86_400_000
const KEYS = Object.values(KNOWN_CATEGORY_KEYS)

let server: IsolatedServer
let main: ApiClient
let site: ApiClient
/** Where the exports live: readable by anyone, as nginx's workers run as nobody. */
let exports: string
/** KAIJI_STATIC_EXPORT_DIR */
let kept: string

const waitFor = async <T>(what: string, probe: () => Promise<T | null> | T | null, ms = 30_000) => {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Every file under `root` (following the link at the root), relative, sorted. */
const filesUnder = (root: string): string[] =>
  (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()

const isDocument = (file: string) =>
  !file.startsWith(`${REDIRECTS_FOLDER}/`) &&
  !Object.values(COMPRESSED_SUFFIXES).some((suffix) => file.endsWith(suffix))

const publish = async (body: Record<string, unknown>) => {
  const published = await releaseAction(main, 'publish', body)
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${published.text}`)
  return published.body.release!
}

const exportCli = (args: string[]) =>
  runScript('src/cli/export.ts', args, { KAIJI_DATA_DIR: server.dataDir })

let announcedSoon = ''

beforeAll(async () => {
  exports = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-exports-'))
  fs.chmodSync(exports, 0o755)
  kept = path.join(exports, 'kept')
  server = await startIsolatedServer('static-export', {
    KAIJI_PUBLIC_PORT: '0',
    KAIJI_STATIC_EXPORT_DIR: kept,
  })
  if (!server.publicSite) throw new Error('the public site did not start')
  main = server.client
  site = server.publicSite

  await approveChange(main, { subject: 'maps', locale: 'ja', data: { name: '地図サービス' } })
  await publish({ locale: 'ja', summary: '地図の名称を変更', changeType: 'editorial' })
  await approveChange(main, {
    subject: 'page',
    locale: 'en',
    editor: 'translatorEn',
    data: { title: 'Our partners', authoritativeLanguageNote: 'The Japanese version prevails.' },
  })
  for (const key of KEYS)
    await approveChange(main, {
      subject: key,
      locale: 'en',
      editor: 'translatorEn',
      data: { name: `EN ${key}` },
    })
  await publish({ locale: 'en', summary: 'First English version', changeType: 'editorial' })
  await approveChange(main, { subject: 'support', locale: 'ja', data: { name: 'サポート窓口' } })
  announcedSoon = new Date(Date.now() + 4_000).toISOString()
  await publish({
    locale: 'ja',
    summary: 'サポートの名称を変更',
    changeType: 'editorial',
    effectiveAt: announcedSoon,
  })
  await approveChange(main, { subject: 'analytics', locale: 'ja', data: { name: '利用分析' } })
  await publish({
    locale: 'ja',
    summary: '分析の名称を変更',
    changeType: 'editorial',
    effectiveAt: new Date(Date.now() + 60 * DAY).toISOString(),
  })
  await waitFor('ja release 3 in effect', async () => {
    const answer = await getBytes(site.baseURL, '/partners/ja/upcoming/3')
    return answer.status === 301 ? answer : null
  })
}, 300_000)

afterAll(async () => {
  await server?.stop()
  if (exports) fs.rmSync(exports, { recursive: true, force: true })
})

/** The public site's answer for a file of an export: the plain file, or its .br / .gz sibling. */
const expectServedAs = async (baseURL: string, root: string, file: string) => {
  const { path: publicPath, contentType } = publicPathOf(file)
  const answers: Array<[string, BytesAnswer, string]> = []
  for (const [acceptEncoding, suffix, encoding] of [
    ['identity', '', undefined],
    ['gzip', COMPRESSED_SUFFIXES.gzip, 'gzip'],
    ['br', COMPRESSED_SUFFIXES.br, 'br'],
  ] as const) {
    const answer = await getBytes(baseURL, publicPath, { 'Accept-Encoding': acceptEncoding })
    expect([
      publicPath,
      acceptEncoding,
      answer.status,
      answer.headers['content-type'],
      answer.headers['content-encoding'],
    ]).toEqual([publicPath, acceptEncoding, 200, contentType, encoding])
    const bytes = fs.readFileSync(path.join(root, `${file}${suffix}`))
    expect([publicPath, acceptEncoding, answer.body.equals(bytes)]).toEqual([
      publicPath,
      acceptEncoding,
      true,
    ])
    answers.push([acceptEncoding, answer, suffix])
  }
  return answers
}

describe('npm run export', () => {
  let tree: string
  let files: string[]

  beforeAll(async () => {
    tree = path.join(exports, 'cli')
    const result = await runScriptAsNpmDoes(
      'src/cli/export.ts',
      ['--out', tree, '--public-url', site.baseURL],
      { KAIJI_DATA_DIR: server.dataDir },
    )
    expect([result.code, result.stderr]).toEqual([0, expect.any(String)])
    files = filesUnder(tree)
    const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(tree, file)).size, 0)
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      `Static export written to ${tree}: ${files.filter(isDocument).length} paths and 1 redirects, ${files.length} files, ${bytes} bytes.`,
    )
  }, 120_000)

  it('holds every page, feed, export and API path of every locale, each with .br and .gz siblings', () => {
    const paths = files.filter(isDocument).map((file) => publicPathOf(file).path)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/partners/ja',
        '/partners/ja/history',
        '/partners/ja/feed.atom',
        '/partners/ja.json',
        '/partners/ja.csv',
        '/partners/ja/releases/1',
        '/partners/ja/releases/3',
        '/partners/ja/diff/1/2',
        '/partners/ja/diff/2/3',
        '/partners/ja/diff/1/3',
        '/partners/ja/upcoming/4',
        '/partners/en',
        '/partners/en/releases/1',
        '/content/v1/partners/ja',
        '/content/v1/partners/ja/releases',
        '/content/v1/partners/ja/releases/3',
        '/content/v1/partners/ja/releases/2/diff/3',
        '/content/v1/partners/ja/upcoming',
        '/content/v1/partners/en',
        // Locales with nothing in effect still have a feed and API lists.
        '/partners/fr/feed.atom',
        '/content/v1/partners/ru/releases',
      ]),
    )
    expect(paths).not.toContain('/partners/ja/upcoming/3')
    expect(paths).not.toContain('/partners/fr')
    for (const file of files.filter(isDocument))
      for (const suffix of Object.values(COMPRESSED_SUFFIXES))
        expect(files).toContain(`${file}${suffix}`)
    expect(files.filter((file) => file.startsWith(`${REDIRECTS_FOLDER}/`))).toEqual([
      `${REDIRECTS_FOLDER}/partners/ja/upcoming/3`,
    ])
    // The English page says the Japanese text changed since its translation.
    expect(fs.readFileSync(path.join(tree, 'partners/en/index.html'), 'utf8')).toContain(
      'This translation follows Japanese release 2; Japanese release 3 is in effect.',
    )
  })

  it('every file is byte for byte what the public site answers for its path, plain, gzip and brotli, with its Content-Type', async () => {
    for (const file of files.filter(isDocument)) await expectServedAs(site.baseURL, tree, file)
    const redirect = await getBytes(site.baseURL, '/partners/ja/upcoming/3')
    expect([redirect.status, redirect.headers.location]).toEqual([
      301,
      fs.readFileSync(path.join(tree, REDIRECTS_FOLDER, 'partners/ja/upcoming/3'), 'utf8'),
    ])
  })

  it("each file's modification time is its answer's Last-Modified", async () => {
    for (const file of ['partners/ja/index.html', 'content/v1/partners/ja/releases/1/index.json']) {
      const answer = await getBytes(site.baseURL, publicPathOf(file).path)
      expect(fs.statSync(path.join(tree, file)).mtime.toUTCString()).toBe(
        answer.headers['last-modified'],
      )
    }
  })

  it('the folder the server keeps (KAIJI_STATIC_EXPORT_DIR) holds the same tree, byte for byte', async () => {
    // The effective date of ja release 3 rewrote it without any publish.
    await waitFor('the kept export with release 3 in effect', () =>
      fs.existsSync(path.join(kept, REDIRECTS_FOLDER, 'partners/ja/upcoming/3')) ? true : null,
    )
    expect(fs.lstatSync(kept).isSymbolicLink()).toBe(true)
    // Written by the main process (its pid names the tree), never by its public site's process.
    expect(fs.readlinkSync(kept)).toMatch(new RegExp(`^kept\\.\\d{8}T\\d{9}Z-${server.pid}-\\d+$`))
    expect(filesUnder(kept)).toEqual(files)
    for (const file of files)
      expect([
        file,
        fs.readFileSync(path.join(kept, file)).equals(fs.readFileSync(path.join(tree, file))),
      ]).toEqual([file, true])
  })

  describe('served by nginx with deploy/nginx.conf', () => {
    let nginx: RunningNginx
    beforeAll(async () => {
      nginx = await startNginx({ http: (port) => kaijiNginxConf(tree, port) })
    })
    afterAll(async () => nginx?.stop())

    it('answers every path with the public site bytes, plain, gzip and brotli, and its Content-Type, Cache-Control, Vary and security headers', async () => {
      for (const file of files.filter(isDocument)) {
        const fromNginx = await expectServedAs(nginx.url, tree, file)
        const fromSite = await getBytes(site.baseURL, publicPathOf(file).path)
        for (const [acceptEncoding, answer] of fromNginx)
          for (const name of [
            'cache-control',
            'vary',
            'access-control-allow-origin',
            'content-security-policy',
            'x-content-type-options',
            'referrer-policy',
            'x-frame-options',
            'cross-origin-opener-policy',
            'last-modified',
          ]) {
            // Where the public site sends no Last-Modified (no release behind the answer), nginx sends the file's.
            if (name === 'last-modified' && fromSite.headers[name] === undefined) continue
            expect([file, acceptEncoding, name, answer.headers[name]]).toEqual([
              file,
              acceptEncoding,
              name,
              fromSite.headers[name],
            ])
          }
      }
    })

    it('with `Accept-Encoding: gzip, br` it sends brotli, as the public site does', async () => {
      const fromNginx = await getBytes(nginx.url, '/partners/ja', { 'Accept-Encoding': 'gzip, br' })
      const fromSite = await getBytes(site.baseURL, '/partners/ja', {
        'Accept-Encoding': 'gzip, br',
      })
      expect(fromNginx.headers['content-encoding']).toBe('br')
      expect(fromNginx.body.equals(fromSite.body)).toBe(true)
    })

    it('the exports download under a file name', async () => {
      const csv = await getBytes(nginx.url, '/partners/ja.csv')
      expect(csv.headers['content-disposition']).toBe('attachment; filename="partners-ja.csv"')
      expect(
        (await getBytes(site.baseURL, '/partners/ja.csv')).headers['content-disposition'],
      ).toMatch(/^attachment; filename="partners-ja-release-3\.csv"$/)
    })

    it('redirects an announcement now in effect to its release, as the public site does; a trailing slash is the same path', async () => {
      for (const requested of ['/partners/ja/upcoming/3', '/partners/ja/upcoming/3/']) {
        const fromNginx = await getBytes(nginx.url, requested)
        expect([fromNginx.status, fromNginx.headers.location]).toEqual([
          301,
          '/partners/ja/releases/3',
        ])
      }
      const slash = await getBytes(nginx.url, '/partners/ja/', { 'Accept-Encoding': 'gzip' })
      expect(slash.body.equals(fs.readFileSync(path.join(tree, 'partners/ja/index.html.gz')))).toBe(
        true,
      )
    })

    it('answers 404, never cached, where the public site does: an unknown release or announcement, a locale with nothing in effect, the files behind the paths', async () => {
      for (const missing of [
        '/partners/ja/releases/9',
        '/partners/ja/upcoming/2',
        '/partners/fr',
        '/content/v1/partners/fr',
        '/partners/ja/index.html',
        '/partners/ja/index.html.gz',
        '/content/v1/partners/ja/index.json',
        `/${REDIRECTS_FOLDER}/partners/ja/upcoming/3`,
        '/',
      ]) {
        const fromNginx = await getBytes(nginx.url, missing)
        expect([missing, fromNginx.status, fromNginx.headers['cache-control']]).toEqual([
          missing,
          404,
          'no-store',
        ])
        expect(fromNginx.headers['content-security-policy']).toBeDefined()
      }
    })
  })
})

describe('KAIJI_STATIC_EXPORT_DIR after a publish through HTTP', () => {
  let nginx: RunningNginx | undefined
  afterAll(async () => nginx?.stop())

  it('is rewritten with the new release, and every tree it points to is whole: the old one stays intact until the new one is swapped in', async () => {
    const complete = (root: string) => {
      const listed = JSON.parse(
        fs.readFileSync(path.join(root, 'content/v1/partners/ja/releases/index.json'), 'utf8'),
      ) as { releases: Array<{ number: number }> }
      return listed.releases.every(({ number }) =>
        ['index.html', 'index.html.br', 'index.html.gz'].every((name) =>
          fs.existsSync(path.join(root, 'partners/ja/releases', String(number), name)),
        ),
      )
    }
    // nginx serving the kept folder, as deployed: it follows the link to each new tree.
    const served = await startNginx({ http: (port) => kaijiNginxConf(kept, port) })
    nginx = served
    const nginxCurrent = async () => (await getBytes(served.url, '/content/v1/partners/ja')).body
    expect(
      (await nginxCurrent()).equals(
        fs.readFileSync(path.join(kept, 'content/v1/partners/ja/index.json')),
      ),
    ).toBe(true)
    const before = fs.readlinkSync(kept)
    const beforeFiles = filesUnder(kept)
    let watching = true
    const seen: string[] = []
    const problems: string[] = []
    // Watches the link as fast as it can: a tree is checked while the link points to it (checked again after).
    const watcher = (async () => {
      while (watching) {
        const target = fs.readlinkSync(kept)
        const root = path.join(exports, target)
        const look = () => {
          try {
            return { whole: complete(root), count: filesUnder(root).length, error: null }
          } catch (error) {
            return { whole: false, count: -1, error }
          }
        }
        const { whole, count, error } = look()
        // A tree that stopped being served meanwhile may be half removed already.
        if (fs.readlinkSync(kept) === target) {
          if (!seen.includes(target)) seen.push(target)
          if (error) problems.push(`${target}: ${String(error)}`)
          else if (!whole) problems.push(`${target} is not whole`)
          if (target === before && count !== beforeFiles.length)
            problems.push(
              `${target} changed while served: ${count} files, ${beforeFiles.length} before`,
            )
        }
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()

    await approveChange(main, { subject: 'marketing', locale: 'ja', data: { name: '広告配信' } })
    const release = await publish({
      locale: 'ja',
      summary: '広告の名称を変更',
      changeType: 'editorial',
    })
    expect(release.number).toBe(5)
    await waitFor('the kept export with ja release 5', () =>
      fs.existsSync(path.join(kept, 'partners/ja/releases/5/index.html')) ? true : null,
    )
    watching = false
    await watcher
    expect(problems).toEqual([])
    expect(seen[0]).toBe(before)
    expect(seen.length).toBeGreaterThanOrEqual(2)
    // Only the tree served is left beside the link, once the older ones are removed.
    await waitFor('the older trees removed', () =>
      fs.readdirSync(exports).filter((name) => name.startsWith('kept')).length === 2 ? true : null,
    )
    expect(
      fs
        .readdirSync(exports)
        .filter((name) => name.startsWith('kept'))
        .sort(),
    ).toEqual(['kept', fs.readlinkSync(kept)].sort())
    // Within open_file_cache_valid (1 s) of the swap, nginx serves the new tree.
    const swapped = Date.now()
    const after = await waitFor('nginx serving the new tree', async () => {
      const body = await nginxCurrent()
      return body.equals(fs.readFileSync(path.join(kept, 'content/v1/partners/ja/index.json')))
        ? Date.now() - swapped
        : null
    })
    expect(after).toBeLessThan(2_000)
    expect((await getBytes(served.url, '/partners/ja/releases/5')).status).toBe(200)
    const current = await getBytes(site.baseURL, '/partners/ja', { 'Accept-Encoding': 'br' })
    expect(current.body.equals(fs.readFileSync(path.join(kept, 'partners/ja/index.html.br')))).toBe(
      true,
    )
  })
})

describe('npm run export refuses bad input, changing nothing', () => {
  // The folder the server keeps is left out: it is the server's to rewrite.
  const listing = () =>
    fs
      .readdirSync(exports)
      .filter((name) => !name.startsWith('kept'))
      .sort()

  it.each([
    [[], /^Usage: npm run export -- --out DIR \[--public-url URL\]$/],
    [['--out'], /--out.+argument missing|argument missing/],
    [['--out', 'x', '--colour', 'red'], /Unknown option '--colour'/],
  ])('%j', async (args, message) => {
    const before = listing()
    const result = await exportCli(args)
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(message)
    expect(listing()).toEqual(before)
  })

  it('a file, or a folder with files in it, as --out', async () => {
    const file = path.join(exports, 'notes.txt')
    fs.writeFileSync(file, 'mine')
    const folder = path.join(exports, 'mine')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'keep.html'), 'mine')
    const before = listing()
    for (const [out, message] of [
      [file, `${file} is a file: the export replaces it with a link to each new tree`],
      [folder, `${folder} is a folder with files in it`],
    ] as const) {
      const result = await exportCli(['--out', out, '--public-url', 'https://partners.example.com'])
      expect([result.code, result.stderr]).toEqual([1, expect.stringContaining(message)])
    }
    expect(listing()).toEqual(before)
    expect(fs.readFileSync(file, 'utf8')).toBe('mine')
    expect(fs.readdirSync(folder)).toEqual(['keep.html'])
  })

  it('a folder it cannot write in', async () => {
    const before = listing()
    const out = path.join(exports, 'notes.txt', 'site')
    const result = await exportCli(['--out', out, '--public-url', 'https://partners.example.com'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`The export folder ${out} cannot be used (ENOTDIR)`)
    expect(listing()).toEqual(before)
  })

  it('no address for the feeds, or one that is not a URL', async () => {
    const before = listing()
    const missing = await exportCli(['--out', path.join(exports, 'new')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(
      'The Atom feeds link with absolute URLs: give the address the export will be served at with --public-url',
    )
    const bad = await exportCli(['--out', path.join(exports, 'new'), '--public-url', 'partners'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(
      '--public-url "partners" must be an absolute http:// or https:// URL',
    )
    expect(listing()).toEqual(before)
  })
})
