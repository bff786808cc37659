import fs from 'node:fs'
import path from 'node:path'

import ts from 'typescript'

/**
 * A plain `git clone` must run: nothing in the code may read a file outside the repository. A
 * static scan of every source file's string literals (parsed with TypeScript, so comments and
 * regular expressions are not mistaken for paths).
 */
const ROOT = path.resolve('.')
const SCANNED = ['tests', 'src', 'scripts', 'seed', 'collections', 'support']
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/

/** Absolute paths the code may use: process data, temporary files, system tools. */
const ALLOWED_ABSOLUTE = [
  /^\/proc(\/|$)/,
  /^\/tmp(\/|$)/,
  /^\/dev\/null$/,
  /^\/(usr\/)?s?bin(\/|$)/,
]
/** Calls whose path arguments are read, written or run (fs, path, child_process, URL, import). */
const FILE_CALL =
  /^(fs|fsp|fsPromises|promises|path)(\.\w+)+$|^(readFileSync|readFile|readdirSync|existsSync|statSync|createReadStream|spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|import|URL)$/

const escapes = (from: string, relative: string) => {
  const resolved = path.resolve(from, relative)
  return resolved !== ROOT && !resolved.startsWith(`${ROOT}${path.sep}`)
}

const calleeName = (call: ts.CallExpression | ts.NewExpression): string => {
  if (
    call.kind === ts.SyntaxKind.CallExpression &&
    call.expression.kind === ts.SyntaxKind.ImportKeyword
  )
    return 'import'
  return call.expression.getText()
}

/** The reasons `text` (the file `file`, relative to the root) may read outside the repository. */
export const outsideReads = (file: string, text: string): string[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const fileDir = path.resolve(ROOT, path.dirname(file))
  const findings: string[] = []
  const report = (node: ts.Node, why: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart())
    findings.push(`${file}:${line + 1}: ${why}`)
  }

  /** The nearest enclosing file call, with whether `node` is its first argument. */
  const fileCallOf = (node: ts.Node): { name: string; first: boolean } | null => {
    let child: ts.Node = node
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
        const name = calleeName(parent)
        if (FILE_CALL.test(name)) return { name, first: parent.arguments?.[0] === child }
      }
      if (ts.isBlock(parent) || ts.isSourceFile(parent)) return null
    }
    return null
  }

  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) {
      const value = node.text
      if (/(^|[/\\])\.\.[/\\]+shared([/\\]|$)/.test(value))
        report(node, `names the folder beside the repository: '${value}'`)
      else if (/^\.\.([/\\]|$)/.test(value)) {
        const call = fileCallOf(node)
        // Imports and URLs are relative to the module; file calls to the working directory, which
        // is the repository root for the tests, the scripts and the server.
        const fromRoot =
          call &&
          !['import', 'URL'].includes(call.name) &&
          (call.name.startsWith('fs') || call.first) &&
          escapes(ROOT, value)
        if (escapes(fileDir, value) || fromRoot)
          report(node, `climbs out of the repository: '${value}'`)
      } else if (/^(\/|file:\/\/)/.test(value) && fileCallOf(node)) {
        const absolute = value.replace(/^file:\/\//, '')
        if (!ALLOWED_ABSOLUTE.some((allowed) => allowed.test(absolute)))
          report(node, `reads an absolute path outside the repository: '${value}'`)
      }
    }
    if (ts.isCallExpression(node) && /(^|\.)homedir$/.test(calleeName(node)))
      report(node, 'reads the home directory')
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings
}

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative)
    return SOURCE_FILE.test(entry.name) ? [relative] : []
  })

describe('nothing reads outside the repository', () => {
  const files = SCANNED.filter((dir) => fs.existsSync(dir)).flatMap(sourceFiles)

  it('scans the code folders', () => {
    expect(files).toContain(path.join('tests', 'helpers', 'xmllint.ts'))
    expect(files).toContain(path.join('src', 'payload.config.ts'))
    expect(files.length).toBeGreaterThan(100)
  })

  it('no file in tests/, src/, scripts/, seed/, collections/ or support/ climbs out of it', () => {
    const findings = files.flatMap((file) => outsideReads(file, fs.readFileSync(file, 'utf8')))
    expect(findings).toEqual([])
  })

  // The forbidden snippets are assembled so that this file does not contain them itself.
  const beside = ['..', 'shared', 'x.txt'].join('/')
  const cases: Array<[string, string, string, RegExp | null]> = [
    [
      'a read of the folder beside the repository',
      'tests/unit/x.test.ts',
      `fs.readFileSync('${beside}')`,
      /names the folder beside/,
    ],
    [
      'the same through path.resolve',
      'scripts/x.ts',
      `fs.readFileSync(path.resolve('${beside}'))`,
      /names the folder beside/,
    ],
    [
      'a climb from the working directory',
      'tests/unit/x.test.ts',
      `fs.readdirSync(path.join('..', 'elsewhere'))`,
      /climbs out/,
    ],
    [
      'an import from above the root',
      'tests/unit/x.test.ts',
      `import x from '${['..', '..', '..', 'other', 'x'].join('/')}'`,
      /climbs out/,
    ],
    [
      'a URL above the module',
      'src/x.ts',
      `new URL('${['..', '..', 'y'].join('/')}', import.meta.url)`,
      /climbs out/,
    ],
    [
      'an absolute path of the workplace',
      'src/x.ts',
      `fs.readFileSync('${['', 'work', 'shared', 'a.txt'].join('/')}')`,
      /absolute path/,
    ],
    ['the home directory', 'scripts/x.ts', 'path.join(os.homedir(), "x")', /home directory/],
    ['a sibling import', 'tests/unit/x.test.ts', `import x from '@/y'`, null],
    ['a dynamic import', 'src/cli/x.ts', `await import('../database/y')`, null],
    [
      'a path from the module up to the root',
      'tests/helpers/x.mjs',
      `path.resolve(here, '../..')`,
      null,
    ],
    ['process data', 'tests/helpers/x.ts', 'fs.readdirSync(`/proc/${pid}/stat`)', null],
    ['a system tool', 'tests/e2e/x.ts', `spawnSync('/usr/bin/chromium', [])`, null],
    ['a temporary folder', 'tests/x.ts', `fs.mkdtempSync(path.join(os.tmpdir(), 'k-'))`, null],
    ['an absolute path as data', 'tests/unit/x.test.ts', `parse('/srv/kaiji/data')`, null],
  ]
  it.each(cases)('on a synthetic snippet: %s', (_name, file, snippet, expected) => {
    const findings = outsideReads(file, snippet)
    if (expected) {
      expect(findings).toHaveLength(1)
      expect(findings[0]).toMatch(expected)
    } else expect(findings).toEqual([])
  })
})
