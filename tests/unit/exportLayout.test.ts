import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { checkExportTarget, replaceExportTree } from '@/delivery/exportDirectory'
import {
  EXPORT_CONTENT_TYPES,
  exportFileOf,
  publicPathOf,
  redirectFileOf,
} from '@/delivery/exportLayout'

const { html, json, atom, csv } = EXPORT_CONTENT_TYPES

describe('the file of each public path in a static export', () => {
  it.each([
    ['/partners/ja', html, 'partners/ja/index.html'],
    ['/partners/ja/history', html, 'partners/ja/history/index.html'],
    ['/partners/ja/releases/3', html, 'partners/ja/releases/3/index.html'],
    ['/partners/ja/diff/2/3', html, 'partners/ja/diff/2/3/index.html'],
    ['/partners/ja/upcoming/4', html, 'partners/ja/upcoming/4/index.html'],
    ['/partners/ja/feed.atom', atom, 'partners/ja/feed.atom'],
    ['/partners/ja.json', json, 'partners/ja.json'],
    ['/partners/ja.csv', csv, 'partners/ja.csv'],
    ['/content/v1/partners/ja', json, 'content/v1/partners/ja/index.json'],
    ['/content/v1/partners/ja/releases', json, 'content/v1/partners/ja/releases/index.json'],
    ['/content/v1/partners/ja/releases/3', json, 'content/v1/partners/ja/releases/3/index.json'],
    [
      '/content/v1/partners/ja/releases/2/diff/3',
      json,
      'content/v1/partners/ja/releases/2/diff/3/index.json',
    ],
    ['/content/v1/partners/ja/upcoming', json, 'content/v1/partners/ja/upcoming/index.json'],
  ])('%s (%s) → %s, and back', (publicPath, contentType, file) => {
    expect(exportFileOf(publicPath, contentType)).toBe(file)
    expect(publicPathOf(file)).toEqual({ path: publicPath, contentType })
  })

  it('a path and the paths under it never need the same name: a folder and a file', () => {
    const files = [
      exportFileOf('/partners/ja', html),
      exportFileOf('/partners/ja/history', html),
      exportFileOf('/partners/ja.json', json),
      exportFileOf('/content/v1/partners/ja/releases', json),
      exportFileOf('/content/v1/partners/ja/releases/3', json),
      exportFileOf('/content/v1/partners/ja/releases/3/diff/4', json),
    ]
    for (const file of files)
      for (const other of files) expect(other.startsWith(`${file}/`)).toBe(false)
  })

  it('redirect markers live apart from the public paths', () => {
    expect(redirectFileOf('/partners/ja/upcoming/2')).toBe('_redirects/partners/ja/upcoming/2')
  })

  it.each([
    ['/partners/../etc/passwd', html],
    ['/partners/ja/./x', html],
    ['partners/ja', html],
    ['/partners/%2e%2e', html],
    ['/', html],
    ['/partners/ja', 'text/plain'],
  ])('refuses %s as %s', (publicPath, contentType) => {
    expect(() => exportFileOf(publicPath, contentType)).toThrow()
  })

  it('refuses a file that is not a document of the export', () => {
    expect(() => publicPathOf('partners/ja/index.html.gz')).toThrow(/is not a file of the export/)
  })
})

describe("the README's nginx configuration", () => {
  it('is deploy/nginx.conf, the file the nginx test runs', () => {
    const readme = fs.readFileSync('README.md', 'utf8')
    expect(readme).toContain(`\`\`\`nginx\n${fs.readFileSync('deploy/nginx.conf', 'utf8')}\`\`\``)
  })

  it('lists the Content-Type of every file type of the export', () => {
    const conf = fs.readFileSync('deploy/nginx.conf', 'utf8')
    for (const [extension, contentType] of Object.entries(EXPORT_CONTENT_TYPES))
      expect(conf).toContain(`'${contentType}' ${extension};`)
  })
})

describe('replacing the export tree', () => {
  let parent: string
  beforeEach(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-export-tree-'))
  })
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }))

  const writeIndex = (text: string) => async (folder: string) => {
    fs.writeFileSync(path.join(folder, 'index.html'), text)
    return text
  }

  it('makes the target a relative link to a new generation, swaps it, and removes the old one', async () => {
    const target = path.join(parent, 'site')
    expect(await replaceExportTree(target, writeIndex('one'))).toBe('one')
    const first = fs.readlinkSync(target)
    expect(path.isAbsolute(first)).toBe(false)
    expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('one')
    await replaceExportTree(target, writeIndex('two'))
    expect(fs.readlinkSync(target)).not.toBe(first)
    expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('two')
    expect(fs.readdirSync(parent).sort()).toEqual(['site', fs.readlinkSync(target)].sort())
  })

  it('the old tree serves, whole, until the new one is complete', async () => {
    const target = path.join(parent, 'site')
    await replaceExportTree(target, writeIndex('old'))
    await replaceExportTree(target, async (folder) => {
      fs.writeFileSync(path.join(folder, 'index.html'), 'new')
      // Half written: the target still shows the old tree.
      expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('old')
    })
    expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('new')
  })

  it('a failed write leaves the target as it was and nothing beside it', async () => {
    const target = path.join(parent, 'site')
    await replaceExportTree(target, writeIndex('kept'))
    const before = fs.readdirSync(parent).sort()
    await expect(
      replaceExportTree(target, async (folder) => {
        fs.writeFileSync(path.join(folder, 'index.html'), 'partial')
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(fs.readdirSync(parent).sort()).toEqual(before)
    expect(fs.readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('kept')
  })

  it('takes an empty folder; refuses a file or a folder with files, changing nothing', async () => {
    const empty = path.join(parent, 'empty')
    fs.mkdirSync(empty)
    await replaceExportTree(empty, writeIndex('x'))
    expect(fs.lstatSync(empty).isSymbolicLink()).toBe(true)

    const file = path.join(parent, 'file')
    fs.writeFileSync(file, 'keep')
    await expect(checkExportTarget(file)).rejects.toThrow(/is a file: the export replaces it/)
    const full = path.join(parent, 'full')
    fs.mkdirSync(full)
    fs.writeFileSync(path.join(full, 'mine.txt'), 'keep')
    const before = fs.readdirSync(parent).sort()
    await expect(replaceExportTree(full, writeIndex('x'))).rejects.toThrow(
      /full is a folder with files in it/,
    )
    expect(fs.readdirSync(parent).sort()).toEqual(before)
    expect(fs.readFileSync(file, 'utf8')).toBe('keep')
  })
})
