import fs from 'node:fs'
import path from 'node:path'

import { createClient, type InValue } from '@libsql/client'

import { firstBrokenLink, type ChainedEvent } from '@/audit/auditChain'
import { ApiClient } from '../helpers/http'
import { mulberry32 } from '../helpers/seededRandom'
import { makeDataDir, runScript, startServer, type ServerHandle } from '@support/server.mjs'
import { createTestUsers } from '@support/testServer'
import { TEST_USERS } from '@support/testUsers.mjs'

/**
 * Crash safety: the real server (`npm start`) is killed with SIGKILL at a random moment after a publish,
 * workflow action or edit was sent, then started again on the same database. Read straight from the
 * SQLite file while no server runs, every table that holds content, workflow, releases or the audit
 * trail must be exactly as before the action or exactly as a complete action leaves it, and an action
 * the client saw succeed must have survived. Two lanes (own servers, own databases) run side by side
 * so that the ~50 restarts fit the time budget.
 */
const SEED = 20_250_605
const LANES = 2
const ROUNDS_PER_LANE = 25
/** Jest's limit for the whole run: far above its few minutes, so only a hang trips it. */
const TEST_TIMEOUT_MS = 690_000

type Rec = Record<string, unknown>
type Snapshot = { journalMode: string; tables: Record<string, Map<string, Rec>> }
type TableDiff = { added: Rec[]; removed: Rec[]; changed: Array<{ before: Rec; after: Rec }> }

const CATEGORY_TABLES = [
  'partner_categories',
  'partner_categories_locales',
  '_partner_categories_v',
  '_partner_categories_v_locales',
]
const PAGE_TABLES = [
  'partners_page',
  'partners_page_locales',
  '_partners_page_v',
  '_partners_page_v_locales',
]
/** Everything an action may write; users, sessions, preferences, locks and webhooks are not part of one. */
const TABLES = ['audit_events', 'workflow_states', 'releases', ...CATEGORY_TABLES, ...PAGE_TABLES]
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

type Locale = 'ja' | 'en'
type Who = 'admin' | 'editor' | 'reviewer'
type Subject = { label: string; kind: 'page' | 'category'; id: number; key: string }
type WorkflowVerb = 'submit' | 'approve' | 'request-changes'
type Action =
  | { type: 'edit'; subject: Subject; locale: Locale; value: string }
  | { type: WorkflowVerb; subject: Subject; locale: Locale }
  | { type: 'publish'; locale: Locale; summary: string }
type ActionType = Action['type']
const NEXT_STATE: Record<WorkflowVerb, string> = {
  submit: 'in_review',
  approve: 'approved',
  'request-changes': 'changes_requested',
}

const withDb = async <T>(
  file: string,
  work: (db: ReturnType<typeof createClient>) => Promise<T>,
): Promise<T> => {
  const db = createClient({ url: `file:${file}` })
  try {
    return await work(db)
  } finally {
    db.close()
  }
}

const query = (file: string, sql: string, args: InValue[] = []) =>
  withDb(file, async (db) =>
    (await db.execute({ sql, args })).rows.map((row) => ({ ...row }) as Rec),
  )

/**
 * A row by what identifies it: the id, except in the per-locale tables, whose rows the SQLite adapter
 * deletes and inserts again (with new ids) on every save; those are one row per document and locale.
 */
const rowEntry = (table: string, row: Rec): [string, Rec] => {
  if (!table.endsWith('_locales')) return [String(row.id), row]
  const { id: _id, ...rest } = row
  return [`${String(row._parent_id)}:${String(row._locale)}`, rest]
}

const readSnapshot = (file: string): Promise<Snapshot> =>
  withDb(file, async (db) => {
    const journalMode = String((await db.execute('PRAGMA journal_mode')).rows[0]?.journal_mode)
    const tables: Snapshot['tables'] = {}
    for (const table of TABLES) {
      const { rows } = await db.execute(`SELECT * FROM "${table}" ORDER BY id`)
      tables[table] = new Map(rows.map((row) => rowEntry(table, { ...row } as Rec)))
    }
    return { journalMode, tables }
  })

const diffSnapshots = (before: Snapshot, after: Snapshot): Record<string, TableDiff> => {
  const diffs: Record<string, TableDiff> = {}
  for (const table of TABLES) {
    const a = before.tables[table] ?? new Map<string, Rec>()
    const b = after.tables[table] ?? new Map<string, Rec>()
    const diff: TableDiff = { added: [], removed: [], changed: [] }
    for (const [id, row] of b) {
      const old = a.get(id)
      if (!old) diff.added.push(row)
      else if (JSON.stringify(old) !== JSON.stringify(row))
        diff.changed.push({ before: old, after: row })
    }
    for (const [id, row] of a) if (!b.has(id)) diff.removed.push(row)
    if (diff.added.length || diff.removed.length || diff.changed.length) diffs[table] = diff
  }
  return diffs
}

const rowsOf = (snapshot: Snapshot, table: string): Rec[] => [
  ...(snapshot.tables[table]?.values() ?? []),
]
const workflowRow = (snapshot: Snapshot, key: string) =>
  rowsOf(snapshot, 'workflow_states').find((row) => row.key === key)
const latestRelease = (snapshot: Snapshot, locale: string) =>
  rowsOf(snapshot, 'releases')
    .filter((row) => row.locale === locale)
    .sort((a, b) => Number(b.number) - Number(a.number))[0]

const auditChainBreak = (snapshot: Snapshot) => {
  const events: ChainedEvent[] = rowsOf(snapshot, 'audit_events').map((row) => ({
    id: Number(row.id),
    previousHash: String(row.previous_hash),
    hash: String(row.hash),
    facts: {
      at: String(row.at),
      actorId: (row.actor_id as string | null) ?? null,
      actorLabel: String(row.actor_label),
      action: String(row.action),
      subject: String(row.subject),
      locale: String(row.locale),
      fromState: (row.from_state as string | null) ?? null,
      toState: (row.to_state as string | null) ?? null,
      reason: (row.reason as string | null) ?? null,
      contentHash: (row.content_hash as string | null) ?? null,
    },
  }))
  return firstBrokenLink(events)
}

/** What a complete action leaves behind, as a list of what is not so (empty: it is exactly the after-state). */
const afterStateProblems = (
  action: Action,
  before: Snapshot,
  after: Snapshot,
  editorId: number,
): string[] => {
  const diffs = diffSnapshots(before, after)
  const problems: string[] = []
  const allowed =
    action.type === 'publish'
      ? ['releases', 'audit_events', 'workflow_states']
      : action.type === 'edit'
        ? [
            'audit_events',
            'workflow_states',
            ...(action.subject.kind === 'page' ? PAGE_TABLES : CATEGORY_TABLES),
          ]
        : ['audit_events', 'workflow_states']
  for (const [table, diff] of Object.entries(diffs)) {
    if (!allowed.includes(table)) problems.push(`${table} changed`)
    if (diff.removed.length) problems.push(`${table}: ${diff.removed.length} row(s) removed`)
  }
  const audit = diffs.audit_events ?? { added: [], removed: [], changed: [] }
  if (audit.changed.length) problems.push('an audit event was rewritten')
  const states = diffs.workflow_states ?? { added: [], removed: [], changed: [] }
  const touchedStates = [...states.added, ...states.changed.map((change) => change.after)]

  if (action.type === 'publish') {
    const previous = latestRelease(before, action.locale)
    const releases = diffs.releases ?? { added: [], removed: [], changed: [] }
    const release = releases.added[0]
    if (releases.added.length !== 1 || releases.changed.length || !release)
      return [
        ...problems,
        `expected one new release, got ${JSON.stringify(releases.added.map((row) => row.number))}`,
      ]
    const number = Number(previous?.number ?? 0) + 1
    if (release.locale !== action.locale || release.number !== number)
      problems.push(
        `release is ${String(release.locale)} ${String(release.number)}, expected ${action.locale} ${number}`,
      )
    const content = JSON.parse(String(release.content)) as {
      categories?: unknown[]
      page?: unknown
    }
    const sources = JSON.parse(String(release.sources)) as Array<{
      subject: string
      contentHash: string
    }>
    if (!content.page || content.categories?.length !== CATEGORY_KEYS.length)
      problems.push('release content is incomplete')
    if (sources.length !== CATEGORY_KEYS.length + 1)
      problems.push(`release has ${sources.length} sources`)
    const [releaseEvent, ...syncEvents] = audit.added
    if (
      releaseEvent?.action !== 'publish' ||
      releaseEvent.subject !== `releases:${action.locale}` ||
      releaseEvent.to_state !== `release ${number}` ||
      releaseEvent.content_hash !== release.content_hash
    ) {
      problems.push(`release audit event missing or wrong: ${JSON.stringify(releaseEvent)}`)
    }
    const released = new Map(sources.map((source) => [source.subject, source.contentHash]))
    if (states.added.length) problems.push('publish created workflow rows')
    for (const { before: old, after: row } of states.changed) {
      const expected =
        released.get(String(row.subject)) === row.approved_hash ? 'published' : 'approved'
      if (
        row.locale !== action.locale ||
        row.state !== expected ||
        old.approved_hash !== row.approved_hash
      )
        problems.push(`workflow row ${String(row.key)} became ${String(row.state)}`)
      if (
        !syncEvents.some(
          (event) =>
            event.subject === row.subject &&
            event.locale === row.locale &&
            event.to_state === row.state &&
            event.action === 'publish',
        )
      ) {
        problems.push(`no audit event for ${String(row.key)} becoming ${String(row.state)}`)
      }
    }
    if (syncEvents.length !== states.changed.length)
      problems.push(`${syncEvents.length} state events for ${states.changed.length} state changes`)
    for (const row of rowsOf(after, 'workflow_states')) {
      if (row.locale !== action.locale || (row.state !== 'approved' && row.state !== 'published'))
        continue
      const expected =
        released.get(String(row.subject)) === row.approved_hash ? 'published' : 'approved'
      if (row.state !== expected)
        problems.push(`${String(row.key)} is ${String(row.state)} but the release says ${expected}`)
    }
    return problems
  }

  const key = `${action.subject.key}:${action.locale}`
  const fromState = String(workflowRow(before, key)?.state ?? 'draft')
  const row = touchedStates[0]
  const event = audit.added[0]
  if (touchedStates.length !== 1 || row?.key !== key)
    problems.push(
      `expected workflow row ${key} to change, got ${JSON.stringify(touchedStates.map((changed) => changed.key))}`,
    )
  if (
    audit.added.length !== 1 ||
    event?.subject !== action.subject.key ||
    event.locale !== action.locale ||
    event.from_state !== fromState
  ) {
    problems.push(
      `expected one audit event for ${key} from ${fromState}, got ${JSON.stringify(audit.added)}`,
    )
  }
  if (!row || !event) return problems

  if (action.type === 'edit') {
    if (row.state !== 'draft' || event.action !== 'edit' || event.to_state !== 'draft')
      problems.push(`edit left ${key} ${String(row.state)}`)
    if (
      !(JSON.parse(String(row.edited_since_approval)) as unknown[])
        .map(String)
        .includes(String(editorId))
    )
      problems.push('the editor is not recorded as having edited')
    const [main, locales, versions, versionLocales] =
      action.subject.kind === 'page' ? PAGE_TABLES : CATEGORY_TABLES
    const field = action.subject.kind === 'page' ? 'title' : 'name'
    const saved = rowsOf(after, String(locales)).find(
      (candidate) =>
        candidate._parent_id === action.subject.id && candidate._locale === action.locale,
    )
    if (saved?.[field] !== action.value)
      problems.push(`${field} is ${JSON.stringify(saved?.[field])}, expected ${action.value}`)
    if (!diffs[String(main)]) problems.push(`${String(main)} not updated`)
    if (!diffs[String(versions)]?.added.length) problems.push('no new version')
    if (
      !diffs[String(versionLocales)]?.added.some(
        (version) =>
          version._locale === action.locale && version[`version_${field}`] === action.value,
      )
    ) {
      problems.push('the new version does not hold the edit')
    }
    return problems
  }

  const to = NEXT_STATE[action.type]
  if (row.state !== to || event.action !== action.type || event.to_state !== to)
    problems.push(
      `${action.type} left ${key} ${String(row.state)} (event ${String(event.action)} → ${String(event.to_state)})`,
    )
  if ((JSON.parse(String(row.last_action)) as { action?: string }).action !== action.type)
    problems.push('lastAction does not name the action')
  if (action.type === 'approve' && row.approved_hash !== event.content_hash)
    problems.push('approved hash differs from the event')
  return problems
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

type RoundResult = {
  lane: number
  round: number
  action: string
  delayMs: number
  answeredMs: number | null
  outcome: 'before' | 'after'
}

class Lane {
  readonly rng: () => number
  readonly dataDir: string
  readonly dbFile: string
  private server: ServerHandle | undefined
  private api!: ApiClient
  private readonly tokens = {} as Record<Who, string>
  private editorId = 0
  private subjects: Subject[] = []
  private readonly durations: Record<ActionType, number[]> = {
    edit: [],
    submit: [],
    approve: [],
    'request-changes': [],
    publish: [],
  }
  private step = 0
  startUps: number[] = []
  readonly results: RoundResult[] = []

  constructor(readonly index: number) {
    this.rng = mulberry32(SEED + index)
    this.dataDir = makeDataDir(`crash-${index}`)
    this.dbFile = path.join(this.dataDir, 'kaiji.db')
  }

  async start(): Promise<void> {
    const started = performance.now()
    const server = await startServer({ dataDir: this.dataDir })
    this.startUps.push(performance.now() - started)
    this.server = server
    this.api = new ApiClient(server.baseURL)
    const ready = await this.api.request<{ status?: string }>('/readyz')
    if (ready.status !== 200 || ready.body.status !== 'ready')
      throw new Error(`lane ${this.index}: /readyz answered ${ready.status} ${ready.text}`)
  }

  /** First start (seeds release 1), the users, and an approved English version of every document. */
  async setUp(): Promise<void> {
    if (!this.server) await this.start()
    await createTestUsers(this.api, ['editor', 'reviewer'])
    this.tokens.admin = await this.api.login('admin')
    this.tokens.editor = await this.api.login('editor')
    this.tokens.reviewer = await this.api.login('reviewer')
    this.editorId = Number(
      (
        await query(this.dbFile, 'SELECT id FROM users WHERE email = ?', [TEST_USERS.editor.email])
      )[0]?.id,
    )
    const page = await query(this.dbFile, 'SELECT id FROM partners_page')
    const categories = await query(this.dbFile, 'SELECT id, key FROM partner_categories')
    this.subjects = [
      { label: 'page', kind: 'page', id: Number(page[0]?.id), key: 'partners-page' },
      ...CATEGORY_KEYS.map((key): Subject => {
        const id = Number(categories.find((category) => category.key === key)?.id)
        return { label: key, kind: 'category', id, key: `partner-categories:${id}` }
      }),
    ]
    for (const subject of this.subjects) {
      await this.perform({ type: 'edit', subject, locale: 'en', value: `EN ${subject.label}` })
      await this.perform({ type: 'submit', subject, locale: 'en' })
      await this.perform({ type: 'approve', subject, locale: 'en' })
    }
  }

  private requestOf(action: Action): { path: string; method: string; who: Who; json: Rec } {
    if (action.type === 'publish') {
      return {
        path: '/api/releases/publish',
        method: 'POST',
        who: 'reviewer',
        json: { locale: action.locale, summary: action.summary, changeType: 'editorial' },
      }
    }
    const { subject, locale } = action
    const base =
      subject.kind === 'page'
        ? '/api/globals/partners-page'
        : `/api/partner-categories/${subject.id}`
    if (action.type === 'edit') {
      return {
        path: `${base}?locale=${locale}`,
        method: subject.kind === 'page' ? 'POST' : 'PATCH',
        who: 'editor',
        json: { [subject.kind === 'page' ? 'title' : 'name']: action.value },
      }
    }
    const json = {
      action: action.type,
      locale,
      ...(action.type === 'request-changes' ? { reason: 'crash test asks for changes' } : {}),
    }
    return {
      path: `${base}/workflow`,
      method: 'POST',
      who: action.type === 'submit' ? 'editor' : 'reviewer',
      json,
    }
  }

  private send(action: Action) {
    const { path: url, method, who, json } = this.requestOf(action)
    return this.api.request(url, { method, token: this.tokens[who], json })
  }

  /** Takes an action to completion (setting up a round); it must succeed. */
  private async perform(action: Action): Promise<void> {
    const started = performance.now()
    const response = await this.send(action)
    this.durations[action.type].push(performance.now() - started)
    if (response.status !== 200 && response.status !== 201)
      throw new Error(
        `lane ${this.index}: ${describeAction(action)} failed with ${response.status}: ${response.text}`,
      )
  }

  private async stateOf(
    subject: Subject,
    locale: Locale,
  ): Promise<{ state: string; stale: boolean }> {
    const rows = await query(
      this.dbFile,
      'SELECT key, state, source_hash, approved_hash FROM workflow_states WHERE key IN (?, ?)',
      [`${subject.key}:${locale}`, `${subject.key}:ja`],
    )
    const row = rows.find((candidate) => candidate.key === `${subject.key}:${locale}`)
    const source = rows.find((candidate) => candidate.key === `${subject.key}:ja`)
    const stale =
      locale !== 'ja' &&
      row?.source_hash != null &&
      source?.approved_hash != null &&
      row.source_hash !== source.approved_hash
    return { state: String(row?.state ?? 'draft'), stale }
  }

  private editValue(subject: Subject, locale: Locale, round: number) {
    this.step += 1
    return `${locale === 'ja' ? '改訂' : 'Revised'} ${subject.label} ${this.index}.${round}.${this.step}`
  }

  /** Brings the target into a state where the action is allowed, with completed (not killed) actions. */
  private async prepare(action: Action, round: number, publishSubject: Subject): Promise<void> {
    if (action.type === 'edit') return
    const subject = action.type === 'publish' ? publishSubject : action.subject
    const { locale } = action
    const edit = () =>
      this.perform({ type: 'edit', subject, locale, value: this.editValue(subject, locale, round) })
    const { state, stale } = await this.stateOf(subject, locale)
    if (action.type === 'publish') {
      if (locale !== 'ja') await this.publishSourceFirst(round)
      await edit()
      await this.perform({ type: 'submit', subject, locale })
      await this.perform({ type: 'approve', subject, locale })
      return
    }
    if (state === 'approved' || state === 'published') await edit()
    if (action.type === 'submit') {
      if (state === 'in_review') await this.perform({ type: 'request-changes', subject, locale })
      return
    }
    if (state === 'in_review' && !stale) return
    if (state === 'in_review') await this.perform({ type: 'request-changes', subject, locale })
    await this.perform({ type: 'submit', subject, locale })
  }

  /**
   * A translation cannot be published before the ja text it translates: publish ja's approvals (at
   * once), then bring every translation approved against other ja text up to date.
   */
  private async publishSourceFirst(round: number): Promise<void> {
    const ja = await this.send({
      type: 'publish',
      locale: 'ja',
      summary: `Crash round ${this.index}.${round}: ja first`,
    })
    if (ja.status !== 201 && !(ja.status === 409 && ja.text.includes('Nothing to publish'))) {
      throw new Error(
        `lane ${this.index}: publishing ja first failed with ${ja.status}: ${ja.text}`,
      )
    }
    for (const subject of this.subjects) {
      const rows = await query(
        this.dbFile,
        'SELECT key, approved_hash, approved_source_hash FROM workflow_states WHERE key IN (?, ?)',
        [`${subject.key}:en`, `${subject.key}:ja`],
      )
      const en = rows.find((row) => row.key === `${subject.key}:en`)
      const source = rows.find((row) => row.key === `${subject.key}:ja`)
      if (en?.approved_hash == null || en.approved_source_hash === source?.approved_hash) continue
      await this.perform({
        type: 'edit',
        subject,
        locale: 'en',
        value: this.editValue(subject, 'en', round),
      })
      await this.perform({ type: 'submit', subject, locale: 'en' })
      await this.perform({ type: 'approve', subject, locale: 'en' })
    }
  }

  private pickAction(draws: number[], round: number): { action: Action; publishSubject: Subject } {
    const [kind = 0, target = 0, language = 0, other = 0] = draws
    const subject = this.subjects[Math.floor(target * this.subjects.length)] as Subject
    const publishSubject = this.subjects[Math.floor(other * this.subjects.length)] as Subject
    const locale: Locale = language < 0.6 ? 'ja' : 'en'
    const type: ActionType =
      kind < 0.3
        ? 'publish'
        : kind < 0.5
          ? 'submit'
          : kind < 0.7
            ? 'approve'
            : kind < 0.85
              ? 'request-changes'
              : 'edit'
    const action: Action =
      type === 'publish'
        ? { type, locale, summary: `Crash round ${this.index}.${round}` }
        : type === 'edit'
          ? { type, subject, locale, value: this.editValue(subject, locale, round) }
          : { type, subject, locale }
    return { action, publishSubject }
  }

  private estimateMs(type: ActionType): number {
    const seen = this.durations[type].slice(-7)
    return seen.length ? median(seen) : type === 'publish' ? 600 : 300
  }

  /** One round: set up, send the action, SIGKILL the server after a drawn delay, check the database, restart. */
  async round(round: number): Promise<void> {
    const draws = [this.rng(), this.rng(), this.rng(), this.rng(), this.rng()]
    const { action, publishSubject } = this.pickAction(draws, round)
    await this.prepare(action, round, publishSubject)
    const before = await readSnapshot(this.dbFile)
    // Up to 1.3× the action's usual duration: some kills land before the commit, some during, some after the answer.
    const delayMs = Math.floor((draws[4] ?? 0) * 1.3 * this.estimateMs(action.type))
    const child = this.server?.child
    if (!child) throw new Error(`lane ${this.index}: no server`)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const answer: { status?: number; ms?: number; text?: string } = {}
    const started = performance.now()
    const pending = this.send(action).then(
      (response) =>
        Object.assign(answer, {
          status: response.status,
          ms: performance.now() - started,
          text: response.text,
        }),
      () => undefined,
    )
    await sleep(delayMs)
    child.kill('SIGKILL')
    await exited
    await pending
    if (answer.ms !== undefined) this.durations[action.type].push(answer.ms)
    const label = `lane ${this.index} round ${round}: ${describeAction(action)}, killed after ${delayMs} ms`
    if (answer.status !== undefined && answer.status !== 200 && answer.status !== 201)
      throw new Error(`${label}: refused with ${answer.status}: ${answer.text}`)

    const after = await readSnapshot(this.dbFile)
    expect({ label, journalMode: after.journalMode }).toEqual({ label, journalMode: 'wal' })
    expect({ label, auditChainBreak: auditChainBreak(after) }).toEqual({
      label,
      auditChainBreak: null,
    })
    const unchanged = Object.keys(diffSnapshots(before, after)).length === 0
    const problems = unchanged ? [] : afterStateProblems(action, before, after, this.editorId)
    // Never half; and an answer the client received is never lost.
    expect({ label, problems }).toEqual({ label, problems: [] })
    if (answer.status !== undefined)
      expect({ label, answered: true, unchanged }).toEqual({
        label,
        answered: true,
        unchanged: false,
      })
    this.results.push({
      lane: this.index,
      round,
      action: action.type,
      delayMs,
      answeredMs: answer.ms ?? null,
      outcome: unchanged ? 'before' : 'after',
    })

    await this.start()
    await this.checkPublicSite(after, label)
  }

  /** Each locale with a release serves exactly its newest release, and the same bytes twice. */
  private async checkPublicSite(snapshot: Snapshot, label: string): Promise<void> {
    for (const locale of ['ja', 'en'] as const) {
      const release = latestRelease(snapshot, locale)
      if (!release) continue
      const first = await this.api.request<{ release?: { number: number; contentHash: string } }>(
        `/content/v1/partners/${locale}`,
      )
      const second = await this.api.request(`/content/v1/partners/${locale}`)
      expect({
        label,
        locale,
        status: first.status,
        number: first.body.release?.number,
        hash: first.body.release?.contentHash,
        same: first.text === second.text,
      }).toEqual({
        label,
        locale,
        status: 200,
        number: release.number,
        hash: release.content_hash,
        same: true,
      })
    }
  }

  async finish(): Promise<{ events: number; verify: Awaited<ReturnType<typeof runScript>> }> {
    await this.server?.stop()
    const events = (await readSnapshot(this.dbFile)).tables.audit_events?.size ?? 0
    return {
      events,
      verify: await runScript('src/cli/auditVerify.ts', [], { KAIJI_DATA_DIR: this.dataDir }),
    }
  }

  async dispose(): Promise<void> {
    await this.server?.stop()
    fs.rmSync(this.dataDir, { recursive: true, force: true })
  }
}

function describeAction(action: Action): string {
  return action.type === 'publish'
    ? `publish ${action.locale}`
    : `${action.type} ${action.subject.label} (${action.locale})`
}

const lanes = Array.from({ length: LANES }, (_, index) => new Lane(index))
afterAll(async () => {
  for (const lane of lanes) await lane.dispose()
})

describe('crash safety (SQLite, WAL, transactions)', () => {
  it(
    `survives ${LANES * ROUNDS_PER_LANE} SIGKILLs during publish, workflow actions and edits (seed ${SEED}): never half, nothing answered is lost, the audit trail verifies`,
    async () => {
      const started = performance.now()
      // The first start builds when the sources changed: that one alone, so two builds never race.
      await lanes[0]?.start()
      await Promise.all(lanes.map((lane) => lane.setUp()))
      const setUpMs = performance.now() - started
      for (const lane of lanes)
        expect(String((await query(lane.dbFile, 'PRAGMA journal_mode'))[0]?.journal_mode)).toBe(
          'wal',
        )

      // A failing lane stops the other at its next round, so no server starts after the test ends.
      let failed = false
      const outcomes = await Promise.allSettled(
        lanes.map(async (lane) => {
          for (let round = 1; round <= ROUNDS_PER_LANE && !failed; round += 1) {
            await lane.round(round).catch((error: unknown) => {
              failed = true
              throw error
            })
          }
        }),
      )
      for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason

      const roundsMs = performance.now() - started - setUpMs
      const finished = await Promise.all(lanes.map((lane) => lane.finish()))
      for (const { events, verify } of finished) {
        expect(verify.code).toBe(0)
        expect(verify.stdout).toMatch(
          new RegExp(`^Audit trail intact: ${events} events, every link verified\\.$`, 'm'),
        )
      }

      const results = lanes.flatMap((lane) => lane.results)
      const count = (predicate: (result: RoundResult) => boolean) =>
        results.filter(predicate).length
      const byAction = Object.fromEntries(
        ['publish', 'submit', 'approve', 'request-changes', 'edit'].map((type) => [
          type,
          `${count((r) => r.action === type && r.outcome === 'before')} before / ${count((r) => r.action === type && r.outcome === 'after')} after`,
        ]),
      )
      const restarts = lanes.flatMap((lane) => lane.startUps.slice(1))
      const summary = {
        seed: SEED,
        rounds: results.length,
        killedBeforeCommit: count((r) => r.outcome === 'before'),
        killedAfterCommitBeforeAnswer: count((r) => r.outcome === 'after' && r.answeredMs === null),
        killedAfterAnswer: count((r) => r.answeredMs !== null),
        byAction,
        restartMedianMs: Math.round(median(restarts)),
        setUpMs: Math.round(setUpMs),
        roundsMs: Math.round(roundsMs),
        totalMs: Math.round(performance.now() - started),
      }
      console.log(`crash safety: ${JSON.stringify(summary, null, 2)}`)
      expect(results.length).toBeGreaterThanOrEqual(50)
      expect(summary.killedBeforeCommit).toBeGreaterThanOrEqual(5)
      expect(
        summary.killedAfterCommitBeforeAnswer + summary.killedAfterAnswer,
      ).toBeGreaterThanOrEqual(5)
    },
    TEST_TIMEOUT_MS,
  )
})
