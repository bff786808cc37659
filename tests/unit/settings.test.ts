import fs from 'node:fs'
import path from 'node:path'

import {
  describeProblems,
  parseSettings,
  type Settings,
  type SettingsResult,
} from '@/config/settings'

type Env = Record<string, string | undefined>

const ok = (env: Env): Settings => {
  const result: SettingsResult = parseSettings(env)
  if (!result.ok) throw new Error(`expected no problems, got:\n${result.problems.join('\n')}`)
  return result.settings
}
const problemsOf = (env: Env): string[] => {
  const result = parseSettings(env)
  return result.ok ? [] : result.problems
}

describe('parseSettings: the defaults', () => {
  it('an empty environment gives every default', () => {
    expect(ok({})).toEqual({
      database: {
        kind: 'sqlite',
        url: `file:${path.resolve('data/kaiji.db')}`,
        filePath: path.resolve('data/kaiji.db'),
      },
      dataDir: path.resolve('data'),
      payloadSecret: null,
      host: '127.0.0.1',
      port: 3000,
      publicPort: 3001,
      publicUrl: null,
      publicCacheControl: null,
      staticExportDir: null,
      materialNoticeDays: 30,
      timeZone: 'Asia/Tokyo',
      webhooks: { allowPrivate: false },
      outbox: { retryBaseMs: 5000, maxAttempts: 6, pollMs: 1000, timeoutMs: 10000 },
      mail: {
        smtpUrl: null,
        from: 'Kaiji <kaiji@localhost>',
        outboxDir: path.resolve('data/outbox'),
      },
      noticeReminderDays: 7,
      allowedOrigins: [],
      cookieSecure: true,
      trustProxy: 0,
      rateLimits: {
        login: { limit: 10, windowSeconds: 60 },
        public: { limit: 1200, windowSeconds: 60 },
        objections: { limit: 20, windowSeconds: 600 },
        subscribe: { limit: 10, windowSeconds: 3600 },
        subscribeEmail: { limit: 3, windowSeconds: 3600 },
      },
      log: { format: 'text', level: 'info' },
    })
  })

  it('empty and blank values mean the default', () => {
    const blank = Object.fromEntries(
      [
        'DATABASE_URL',
        'PAYLOAD_SECRET',
        'HOST',
        'PORT',
        'KAIJI_PUBLIC_PORT',
        'KAIJI_DATA_DIR',
        'KAIJI_MATERIAL_NOTICE_DAYS',
        'KAIJI_TIMEZONE',
        'KAIJI_PUBLIC_CACHE_CONTROL',
        'KAIJI_PUBLIC_URL',
        'KAIJI_STATIC_EXPORT_DIR',
        'KAIJI_WEBHOOK_RETRY_BASE_MS',
        'KAIJI_WEBHOOK_MAX_ATTEMPTS',
        'KAIJI_WEBHOOK_TIMEOUT_MS',
        'KAIJI_WEBHOOK_ALLOW_PRIVATE',
        'KAIJI_LOG_FORMAT',
        'KAIJI_LOG_LEVEL',
        'KAIJI_ALLOWED_ORIGINS',
        'KAIJI_RATE_LIMIT_LOGIN',
        'KAIJI_RATE_LIMIT_PUBLIC',
        'KAIJI_RATE_LIMIT_OBJECTIONS',
        'KAIJI_TRUST_PROXY',
        'KAIJI_COOKIE_SECURE',
      ].map((name, index) => [name, index % 2 ? '' : '  ']),
    )
    expect(ok(blank)).toEqual(ok({}))
  })

  it('the settings are frozen, all the way down', () => {
    const settings = ok({ KAIJI_ALLOWED_ORIGINS: 'https://cms.example.com' })
    expect(Object.isFrozen(settings)).toBe(true)
    expect(Object.isFrozen(settings.database)).toBe(true)
    expect(Object.isFrozen(settings.webhooks)).toBe(true)
    expect(Object.isFrozen(settings.allowedOrigins)).toBe(true)
    expect(Object.isFrozen(settings.rateLimits.login)).toBe(true)
    expect(Object.isFrozen(settings.log)).toBe(true)
  })
})

/** For each variable: values it accepts (and what they become), and values it refuses (and the message). */
const cases: Array<{
  name: string
  pick: (settings: Settings) => unknown
  good: Array<[string, unknown]>
  bad: Array<[string, RegExp]>
}> = [
  {
    name: 'DATABASE_URL',
    pick: (s) => s.database,
    good: [
      [
        'file:/var/lib/kaiji.db',
        { kind: 'sqlite', url: 'file:/var/lib/kaiji.db', filePath: '/var/lib/kaiji.db' },
      ],
      ['mongodb://mongo:27017/kaiji', { kind: 'mongodb', url: 'mongodb://mongo:27017/kaiji' }],
      [
        'mongodb+srv://u:p@cluster.example/kaiji',
        { kind: 'mongodb', url: 'mongodb+srv://u:p@cluster.example/kaiji' },
      ],
    ],
    bad: [
      [
        'postgres://admin:s3cret@db/kaiji',
        /DATABASE_URL "postgres:\/\/\*\*\*@db\/kaiji" is not supported: use file:<path>/,
      ],
      ['file:', /DATABASE_URL "file:" names no file/],
    ],
  },
  {
    name: 'KAIJI_DATA_DIR',
    pick: (s) => [s.dataDir, s.database],
    good: [
      [
        '/srv/kaiji',
        [
          '/srv/kaiji',
          { kind: 'sqlite', url: 'file:/srv/kaiji/kaiji.db', filePath: '/srv/kaiji/kaiji.db' },
        ],
      ],
      [
        'var/data',
        [
          path.resolve('var/data'),
          expect.objectContaining({ filePath: path.resolve('var/data/kaiji.db') }),
        ],
      ],
    ],
    bad: [],
  },
  {
    name: 'PAYLOAD_SECRET',
    pick: (s) => s.payloadSecret,
    good: [['short-is-fine-outside-production', 'short-is-fine-outside-production']],
    bad: [],
  },
  {
    name: 'HOST',
    pick: (s) => s.host,
    good: [
      ['0.0.0.0', '0.0.0.0'],
      ['cms.internal', 'cms.internal'],
    ],
    bad: [],
  },
  {
    name: 'PORT',
    pick: (s) => s.port,
    good: [
      ['8080', 8080],
      ['0', 0],
      ['65535', 65535],
    ],
    bad: [
      ['eighty', /^PORT "eighty" is not a port number \(0–65535\)$/],
      ['65536', /PORT "65536" is not a port number/],
      ['-1', /PORT "-1" is not a port number/],
      ['80.5', /PORT "80.5" is not a port number/],
    ],
  },
  {
    name: 'KAIJI_PUBLIC_PORT',
    pick: (s) => s.publicPort,
    good: [
      ['4001', 4001],
      ['0', 0],
      ['off', null],
      [' OFF ', null],
    ],
    bad: [
      ['no', /^KAIJI_PUBLIC_PORT "no" is not a port number \(0–65535\)$/],
      ['70000', /KAIJI_PUBLIC_PORT "70000" is not a port number/],
    ],
  },
  {
    name: 'KAIJI_MATERIAL_NOTICE_DAYS',
    pick: (s) => s.materialNoticeDays,
    good: [
      ['14', 14],
      ['0', 0],
      ['1.5', 1.5],
    ],
    bad: [
      ['abc', /^KAIJI_MATERIAL_NOTICE_DAYS must be a number of days \(0 or more\), not "abc"\.$/],
      ['-1', /KAIJI_MATERIAL_NOTICE_DAYS must be a number of days \(0 or more\), not "-1"/],
      ['Infinity', /KAIJI_MATERIAL_NOTICE_DAYS must be a number/],
    ],
  },
  {
    name: 'KAIJI_TIMEZONE',
    pick: (s) => s.timeZone,
    good: [
      ['', 'Asia/Tokyo'],
      ['Europe/Paris', 'Europe/Paris'],
      [' UTC ', 'UTC'],
    ],
    bad: [
      ['Tokyo', /^KAIJI_TIMEZONE "Tokyo" must be an IANA time zone name, e\.g\. "Asia\/Tokyo"/],
      ['+09:00 x', /KAIJI_TIMEZONE "\+09:00 x" must be an IANA time zone name/],
    ],
  },
  {
    name: 'KAIJI_PUBLIC_CACHE_CONTROL',
    pick: (s) => s.publicCacheControl,
    good: [['public, max-age=60', 'public, max-age=60']],
    bad: [
      [
        'public\r\nSet-Cookie: x=1',
        /^KAIJI_PUBLIC_CACHE_CONTROL "public\\r\\nSet-Cookie: x=1" must be a Cache-Control header value/,
      ],
    ],
  },
  {
    name: 'KAIJI_STATIC_EXPORT_DIR',
    pick: (s) => s.staticExportDir,
    good: [
      ['/srv/kaiji/site', '/srv/kaiji/site'],
      [' /srv/kaiji/site/ ', '/srv/kaiji/site'],
      ['export/site', path.resolve('export/site')],
    ],
    bad: [
      [
        '/',
        /^KAIJI_STATIC_EXPORT_DIR "\/" is the file system's root; name a path that does not exist yet/,
      ],
      [
        '/srv/site\nx',
        /^KAIJI_STATIC_EXPORT_DIR "\/srv\/site\\nx" must be a folder path, without line breaks/,
      ],
    ],
  },
  {
    name: 'KAIJI_PUBLIC_URL',
    pick: (s) => s.publicUrl,
    good: [
      ['https://partners.example.com', 'https://partners.example.com'],
      ['https://example.com/partners//', 'https://example.com/partners'],
      ['http://127.0.0.1:3001/', 'http://127.0.0.1:3001'],
    ],
    bad: [
      [
        'partners.example.com',
        /^KAIJI_PUBLIC_URL "partners.example.com" must be an absolute http:\/\/ or https:\/\/ URL/,
      ],
      ['ftp://example.com', /KAIJI_PUBLIC_URL "ftp:\/\/example.com" must be an absolute/],
    ],
  },
  {
    name: 'KAIJI_WEBHOOK_RETRY_BASE_MS',
    pick: (s) => s.outbox.retryBaseMs,
    good: [
      ['200', 200],
      ['0.5', 0.5],
    ],
    bad: [
      ['0', /^KAIJI_WEBHOOK_RETRY_BASE_MS must be a positive number, not "0"\.$/],
      ['soon', /KAIJI_WEBHOOK_RETRY_BASE_MS must be a positive number, not "soon"/],
    ],
  },
  {
    name: 'KAIJI_WEBHOOK_MAX_ATTEMPTS',
    pick: (s) => s.outbox.maxAttempts,
    good: [['4', 4]],
    bad: [['-3', /^KAIJI_WEBHOOK_MAX_ATTEMPTS must be a positive number, not "-3"\.$/]],
  },
  {
    name: 'KAIJI_WEBHOOK_TIMEOUT_MS',
    pick: (s) => s.outbox.timeoutMs,
    good: [['2500', 2500]],
    bad: [
      ['ten seconds', /^KAIJI_WEBHOOK_TIMEOUT_MS must be a positive number, not "ten seconds"\.$/],
    ],
  },
  {
    name: 'KAIJI_OUTBOX_RETRY_BASE_MS',
    pick: (s) => s.outbox.retryBaseMs,
    good: [['300', 300]],
    bad: [['never', /^KAIJI_OUTBOX_RETRY_BASE_MS must be a positive number, not "never"\.$/]],
  },
  {
    name: 'KAIJI_OUTBOX_POLL_MS',
    pick: (s) => s.outbox.pollMs,
    good: [['250', 250]],
    bad: [['0', /^KAIJI_OUTBOX_POLL_MS must be a positive number, not "0"\.$/]],
  },
  {
    name: 'KAIJI_SMTP_URL',
    pick: (s) => s.mail.smtpUrl,
    good: [
      ['smtp://user:secret@mail.example.com:587', 'smtp://user:secret@mail.example.com:587'],
      ['smtps://mail.example.com', 'smtps://mail.example.com'],
    ],
    bad: [
      [
        'http://mail.example.com',
        /^KAIJI_SMTP_URL must start with smtp:\/\/ or smtps:\/\/, not http:\/\/\.$/,
      ],
      ['mail.example.com', /^KAIJI_SMTP_URL is not a URL/],
    ],
  },
  {
    name: 'KAIJI_MAIL_FROM',
    pick: (s) => s.mail.from,
    good: [
      ['Legal <legal@example.com>', 'Legal <legal@example.com>'],
      ['legal@example.com', 'legal@example.com'],
    ],
    bad: [['Legal team', /^KAIJI_MAIL_FROM "Legal team" must be an email address/]],
  },
  {
    name: 'KAIJI_NOTICE_REMINDER_DAYS',
    pick: (s) => s.noticeReminderDays,
    good: [['3', 3]],
    bad: [['a week', /^KAIJI_NOTICE_REMINDER_DAYS must be a positive number, not "a week"\.$/]],
  },
  {
    name: 'KAIJI_WEBHOOK_ALLOW_PRIVATE',
    pick: (s) => s.webhooks.allowPrivate,
    good: [
      ['true', true],
      [' TRUE ', true],
      ['false', false],
    ],
    bad: [['yes', /^KAIJI_WEBHOOK_ALLOW_PRIVATE "yes" must be "true" or "false"\.$/]],
  },
  {
    name: 'KAIJI_LOG_FORMAT',
    pick: (s) => s.log.format,
    good: [
      ['json', 'json'],
      ['text', 'text'],
    ],
    bad: [['pretty', /^KAIJI_LOG_FORMAT "pretty" must be "json" or "text"\.$/]],
  },
  {
    name: 'KAIJI_LOG_LEVEL',
    pick: (s) => s.log.level,
    good: [
      ['debug', 'debug'],
      ['warn', 'warn'],
      ['silent', 'silent'],
    ],
    bad: [
      [
        'loud',
        /^KAIJI_LOG_LEVEL "loud" must be one of fatal, error, warn, info, debug, trace, silent\.$/,
      ],
    ],
  },
  {
    name: 'KAIJI_ALLOWED_ORIGINS',
    pick: (s) => s.allowedOrigins,
    good: [
      [
        'https://cms.example.com, http://localhost:8080/',
        ['https://cms.example.com', 'http://localhost:8080'],
      ],
    ],
    bad: [
      [
        'https://cms.example.com/admin',
        /^KAIJI_ALLOWED_ORIGINS: "https:\/\/cms.example.com\/admin" is not an origin; write scheme:\/\/host\[:port\]/,
      ],
      ['*', /KAIJI_ALLOWED_ORIGINS: "\*" is not an origin/],
    ],
  },
  {
    name: 'KAIJI_RATE_LIMIT_LOGIN',
    pick: (s) => s.rateLimits.login,
    good: [
      ['5/30', { limit: 5, windowSeconds: 30 }],
      ['off', null],
    ],
    bad: [
      [
        'ten',
        /^KAIJI_RATE_LIMIT_LOGIN "ten" is not a rate limit: write REQUESTS\/SECONDS \(e\.g\. "10\/60"\), or "off"\.$/,
      ],
    ],
  },
  {
    name: 'KAIJI_RATE_LIMIT_PUBLIC',
    pick: (s) => s.rateLimits.public,
    good: [
      ['100 / 1', { limit: 100, windowSeconds: 1 }],
      ['OFF', null],
    ],
    bad: [['0/60', /^KAIJI_RATE_LIMIT_PUBLIC "0\/60" is not a rate limit/]],
  },
  {
    name: 'KAIJI_RATE_LIMIT_OBJECTIONS',
    pick: (s) => s.rateLimits.objections,
    good: [
      ['5/600', { limit: 5, windowSeconds: 600 }],
      ['off', null],
    ],
    bad: [['many', /^KAIJI_RATE_LIMIT_OBJECTIONS "many" is not a rate limit/]],
  },
  {
    name: 'KAIJI_TRUST_PROXY',
    pick: (s) => s.trustProxy,
    good: [
      ['2', 2],
      ['0', 0],
    ],
    bad: [
      ['yes', /^KAIJI_TRUST_PROXY "yes" must be the number of proxies in front \(0–10\)\.$/],
      ['11', /KAIJI_TRUST_PROXY "11" must be the number of proxies/],
    ],
  },
  {
    name: 'KAIJI_COOKIE_SECURE',
    pick: (s) => s.cookieSecure,
    good: [
      ['false', false],
      [' FALSE ', false],
      ['true', true],
    ],
    bad: [['no', /^KAIJI_COOKIE_SECURE "no" must be "true" or "false"\.$/]],
  },
]

describe.each(cases)('parseSettings: $name', ({ name, pick, good, bad }) => {
  if (good.length > 0)
    it.each(good)(`accepts %j`, (raw, expected) => {
      expect(pick(ok({ [name]: raw }))).toEqual(expected)
    })
  if (bad.length > 0)
    it.each(bad)(`refuses %j, naming the variable and what it accepts`, (raw, message) => {
      const problems = problemsOf({ [name]: raw })
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(message)
    })
})

describe('parseSettings: NODE_ENV and PAYLOAD_SECRET', () => {
  const strong = 'x'.repeat(32)

  it('outside production any secret will do, and none is generated later', () => {
    expect(ok({ NODE_ENV: 'development' }).payloadSecret).toBeNull()
    expect(ok({ NODE_ENV: 'test', PAYLOAD_SECRET: 'abc' }).payloadSecret).toBe('abc')
  })

  it('production needs a secret of at least 32 characters', () => {
    expect(ok({ NODE_ENV: 'production', PAYLOAD_SECRET: strong }).payloadSecret).toBe(strong)
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'PAYLOAD_SECRET must be set to at least 32 characters when NODE_ENV=production (it is not set)',
    ])
    expect(problemsOf({ NODE_ENV: 'production', PAYLOAD_SECRET: 'too-short' })).toEqual([
      'PAYLOAD_SECRET must be set to at least 32 characters when NODE_ENV=production (it has 9)',
    ])
  })
})

describe('parseSettings: every problem at once', () => {
  it('names each bad variable, not only the first', () => {
    const problems = problemsOf({
      DATABASE_URL: 'postgres://db/kaiji',
      PORT: 'eighty',
      KAIJI_MATERIAL_NOTICE_DAYS: 'abc',
      KAIJI_TRUST_PROXY: 'yes',
      NODE_ENV: 'production',
    })
    expect(problems).toHaveLength(5)
    expect(problems.join('\n')).toMatch(/DATABASE_URL/)
    expect(problems.join('\n')).toMatch(/PAYLOAD_SECRET/)
    expect(problems.join('\n')).toMatch(/PORT "eighty"/)
    expect(problems.join('\n')).toMatch(/KAIJI_MATERIAL_NOTICE_DAYS/)
    expect(problems.join('\n')).toMatch(/KAIJI_TRUST_PROXY/)
  })

  it('one message: a single problem as it is, several as a list', () => {
    expect(describeProblems(['PORT "x" is not a port number (0–65535)'])).toBe(
      'PORT "x" is not a port number (0–65535)',
    )
    expect(describeProblems(['A is wrong', 'B is wrong'])).toBe(
      'The environment has 2 problems:\n- A is wrong\n- B is wrong',
    )
  })
})

/** The names parseSettings looks up, recorded by handing it an environment that notes every read. */
const namesRead = (): string[] => {
  const read = new Set<string>()
  const recorder = new Proxy({} as Env, {
    get: (_target, name) => {
      if (typeof name === 'string') read.add(name)
      return undefined
    },
  })
  parseSettings(recorder)
  return [...read].sort()
}

describe("the README's environment table", () => {
  const readme = fs.readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('\n## Environment\n'))
  const table = section.slice(0, section.indexOf('\n## ', 1))
  const rows = table.split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line))
  const documented = rows.map((line) => /^\| `([A-Z_]+)` \|/.exec(line)?.[1] ?? '').sort()

  it('has one row per variable, with default, accepted form and meaning', () => {
    expect(documented.length).toBeGreaterThan(15)
    expect(new Set(documented).size).toBe(documented.length)
    for (const row of rows) expect(row.split(' | ')).toHaveLength(4)
  })

  it('lists every variable the settings module reads', () => {
    expect(namesRead().filter((name) => !documented.includes(name))).toEqual([])
  })

  it('lists only variables the settings module reads', () => {
    const read = namesRead()
    expect(documented.filter((name) => !read.includes(name))).toEqual([])
  })
})

describe('the environment is read in one place', () => {
  const SETTINGS_MODULE = path.join('src', 'config', 'settings.ts')
  const sourceFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return sourceFiles(full)
      return /\.(ts|tsx|mts|js|mjs|cjs)$/.test(entry.name) ? [full] : []
    })
  // process.env, process['env'], a destructured env, or node:process's env export.
  const readsEnvironment =
    /\bprocess\s*\??\.\s*env\b|\bprocess\s*\[\s*['"`]env['"`]\s*\]|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b|\benv\b[^;\n]*from\s+['"](node:)?process['"]/

  it('no file in src/, collections/ or seed/ but the settings module touches process.env', () => {
    const files = ['src', 'collections', 'seed'].flatMap(sourceFiles)
    expect(files).toContain(SETTINGS_MODULE)
    expect(files.length).toBeGreaterThan(100)
    const offenders = files.filter(
      (file) => file !== SETTINGS_MODULE && readsEnvironment.test(fs.readFileSync(file, 'utf8')),
    )
    expect(offenders).toEqual([])
  })

  it('the pattern finds the ways of reading it', () => {
    for (const line of [
      'const port = process.env.PORT',
      "const port = process['env'].PORT",
      'const { env } = process',
      "import { env } from 'node:process'",
      'const x = process?.env',
    ])
      expect(line).toMatch(readsEnvironment)
    expect('const env = childEnvironment()').not.toMatch(readsEnvironment)
  })
})
