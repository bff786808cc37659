import fs from 'node:fs'
import path from 'node:path'

import { makeDataDir, runScriptAsNpmDoes } from '@support/server.mjs'

/** The CLIs as an operator runs them (`npm run seed`, `npm run create-user`), on their own database. */
const dataDir = makeDataDir('cli')
const env = { KAIJI_DATA_DIR: dataDir }
const seed = (...args: string[]) => runScriptAsNpmDoes('src/cli/seed.ts', args, env)
const createUser = (...args: string[]) => runScriptAsNpmDoes('src/cli/createUser.ts', args, env)

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('npm run seed', () => {
  it('refuses a malformed file with its name and line, exit 1, importing nothing', async () => {
    const file = path.join(dataDir, 'broken.ja.txt')
    const lines = fs.readFileSync('seed/source/zenly-partners.ja.txt', 'utf8').split('\n')
    fs.writeFileSync(file, lines.slice(0, -1).join('\n'))
    const broken = await seed('--file', file)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain(
      `${file}:27: row 8 has 2 cells; expected 3 (type, description, data-use note)`,
    )

    const missing = await seed('--file', path.join(dataDir, 'nowhere.txt'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/nowhere\.txt:0: cannot read the source file: no such file/)
  })

  it('imports the source, then says there is nothing to change', async () => {
    const first = await seed()
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /Imported: created 8 categories \(cloud-platform, bug-detection, maps, sms-providers, analytics, marketing, support, internal-tools\); updated the partners page\./,
    )
    const second = await seed()
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(
      /Nothing to change: the ja content already matches the source \(8 categories and the page\)\./,
    )
  })
})

describe('npm run create-user', () => {
  it('creates a translator with locales', async () => {
    const result = await createUser(
      '--email',
      'tr@cli.test',
      '--password',
      'Cli-Test-Passw0rd',
      '--role',
      'translator',
      '--locales',
      'en,fr',
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Created translator tr@cli\.test for en, fr \(id \d+\)\./m)
  })

  it.each([
    [
      ['--email', 'tr@cli.test', '--password', 'Cli-Test-Passw0rd', '--role', 'legal-editor'],
      'create-user: a user with email tr@cli.test already exists',
    ],
    [
      ['--email', 'x@cli.test', '--password', 'Cli-Test-Passw0rd', '--role', 'owner'],
      'create-user: --role "owner" is not a role; use one of admin, legal-editor, legal-reviewer, translator',
    ],
    [
      [
        '--email',
        'x@cli.test',
        '--password',
        'Cli-Test-Passw0rd',
        '--role',
        'translator',
        '--locales',
        'de',
      ],
      'create-user: --locales: unknown locale "de"; expected one of en, fr, ru',
    ],
    [
      ['--email', 'x@cli.test', '--password', 'password', '--role', 'legal-editor'],
      'create-user: --password is too weak: the password must have at least 12 characters (it has 8)',
    ],
  ])('refuses %p with a clear message and exit 1', async (args, message) => {
    const result = await createUser(...args)
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n').at(-1)).toBe(message)
  })
})
