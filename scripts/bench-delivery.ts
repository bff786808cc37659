/**
 * `npm run bench:delivery [-- --duration N] [-- --rounds R]`: throughput and latency of the public delivery API, printed as tables.
 *   wrk at 50 connections against GET /content/v1/partners/ja on the delivery-only public site (1 release, then 500
 *   releases; the main port for reference), Payload's own REST API (authenticated) and nginx serving the same bytes as a
 *   static file; with `Accept-Encoding: gzip, br`, the public site against nginx `gzip_static`/`brotli_static` serving
 *   the same compressed bytes, and nginx serving the static export (`npm run export`, deploy/nginx.conf), with the bytes
 *   of each response; then how long a publish through the main server takes to be served by its public site and by a
 *   second server process on the same database. Installs wrk, nginx-light and nginx's brotli_static module with apt-get
 *   when missing. Exits 0 whatever the figures; non-zero only when it could not run.
 * wrk runs on its own CPU when there are two or more (taskset), and nginx gets one worker as node has one JavaScript thread;
 * compare figures from one run, on an otherwise idle machine (the load average is printed before and after).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { approveChange, releaseAction, type PublishResult } from '@support/contentChanges'
import { ApiClient, type ApiResponse } from '@support/apiClient'
import {
  brotliStaticModule,
  findNginx,
  kaijiNginxConf,
  NGINX_PACKAGES,
  startNginx as startNginxWith,
} from '@support/nginx'
import { childrenOf, residentMb } from '@support/processes'
import { makeDataDir, runScript, startServer } from '@support/server.mjs'
import { TEST_PASSWORD, TEST_USERS } from '@support/testUsers.mjs'
import { getBytes } from '@tests/helpers/rawRequest'
import {
  fixed,
  loadAverage,
  log,
  median,
  onCleanup,
  printTable,
  removeAtEnd,
  runBench,
  sleep,
} from './benchSupport'

const CONNECTIONS = 50
const UNREACHABLE_PUBLIC_RATE_LIMIT = '1000000000/1'
/**
 * On a machine with 2 or more CPUs the servers (Kaiji and nginx alike) are pinned to CPU 0 and wrk
 * to CPU 1, so the load generator does not steal the measured server's core; otherwise all share.
 */
const PINNED = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0
const SERVER_CPU = '0'
const LOAD_CPU = '1'
const THREADS = PINNED ? 1 : 2
/** A fresh server's tail latency settles after about 5 s of load (JIT, first collections). */
const WARM_UP_SECONDS = 5
/** wrk leaves responses slower than its timeout (default 2 s) out of the latency distribution. */
const WRK_TIMEOUT = '30s'
const RELEASES = 500
const PUBLISH_SAMPLES = 5
const POLL_MS = 5
const SERVED_TIMEOUT_MS = 30_000
const DELIVERY_PATH = '/content/v1/partners/ja'
const REST_PATH = '/api/partner-categories?locale=ja'
/** One nginx worker against node's one JavaScript thread: the comparison is per core. */
const NGINX_WORKERS = 1

type WrkResult = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  bytesPerResponse: number
  non2xx: number
  socketErrors: number
}
type Row = { label: string; result: WrkResult }
type Served = { maxMs: number; medianMs: number }
type Captured = { code: number | null; stdout: string; stderr: string }

const capture = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<Captured>((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) =>
      resolve({ code: null, stdout, stderr: `${stderr}${error.message}` }),
    )
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

const findCommand = (name: string): string | null => {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  if (found) return found
  return (
    ['/usr/sbin', '/usr/bin', '/sbin']
      .map((dir) => path.join(dir, name))
      .find((candidate) => fs.existsSync(candidate)) ?? null
  )
}

const PACKAGES = ['wrk', ...NGINX_PACKAGES]

const aptInstall = () =>
  capture('apt-get', ['install', '-y', ...PACKAGES], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  })

const missingTools = () => {
  const nginx = findNginx()
  return [
    ...(findCommand('wrk') ? [] : ['wrk']),
    ...(nginx ? [] : ['nginx']),
    ...(nginx && brotliStaticModule(nginx) ? [] : ["nginx's brotli_static module"]),
  ]
}

/** wrk, nginx and its brotli_static module, installed from Debian when missing; returns the paths of wrk and nginx. */
const ensureTools = async (): Promise<{ wrk: string; nginx: string }> => {
  const missing = missingTools()
  const command = `apt-get install -y ${PACKAGES.join(' ')}`
  if (missing.length) {
    log(`${missing.join(', ')} missing: running ${command}`)
    if (process.getuid?.() !== 0)
      throw new Error(`${missing.join(', ')} missing and not root: install them with ${command}`)
    let install = await aptInstall()
    if (install.code !== 0) {
      log('apt-get install failed: running apt-get update, then installing again')
      const update = await capture('apt-get', ['update'])
      if (update.code !== 0) throw new Error(`apt-get update failed:\n${update.stderr.trim()}`)
      install = await aptInstall()
    }
    if (install.code !== 0) throw new Error(`${command} failed:\n${install.stderr.trim()}`)
    log(`installed ${PACKAGES.join(', ')}`)
  }
  const wrk = findCommand('wrk')
  const nginx = findNginx()
  if (!wrk || !nginx || missingTools().length)
    throw new Error(`${missingTools().join(', ')} still missing after ${command}`)
  return { wrk, nginx }
}

const toolVersion = async (command: string, flag: string, pattern: RegExp): Promise<string> => {
  const { stdout, stderr } = await capture(command, [flag])
  return pattern.exec(`${stdout}${stderr}`)?.[1] ?? 'unknown'
}

const durationMs = (text: string): number => {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text)
  if (!match) throw new Error(`wrk: unreadable duration ${JSON.stringify(text)}`)
  const factor = { us: 0.001, ms: 1, s: 1_000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm']
  return Number(match[1]) * factor
}

const sizeBytes = (value: string, unit: string): number =>
  Number(value) * 1024 ** Math.max(0, ['B', 'KB', 'MB', 'GB', 'TB'].indexOf(unit))

const parseWrk = (output: string): WrkResult => {
  const distribution = /Latency Distribution[\s\S]*?50%\s+(\S+)[\s\S]*?99%\s+(\S+)/.exec(output)
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output)
  const total = /(\d+) requests in [\d.]+\w+, ([\d.]+)(\w+) read/.exec(output)
  if (
    !distribution?.[1] ||
    !distribution[2] ||
    !rate?.[1] ||
    !total?.[1] ||
    !total[2] ||
    !total[3]
  ) {
    throw new Error(`wrk: unexpected output:\n${output}`)
  }
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  return {
    requestsPerSecond: Number(rate[1]),
    p50Ms: durationMs(distribution[1]),
    p99Ms: durationMs(distribution[2]),
    bytesPerResponse: sizeBytes(total[2], total[3]) / Number(total[1]),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: errors ? errors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  }
}

const runWrk = async (
  wrk: string,
  url: string,
  seconds: number,
  headers: string[],
): Promise<WrkResult> => {
  const args = [
    `-t${THREADS}`,
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    '--timeout',
    WRK_TIMEOUT,
    ...headers.flatMap((header) => ['-H', header]),
    url,
  ]
  const { code, stdout, stderr } = PINNED
    ? await capture('taskset', ['-c', LOAD_CPU, wrk, ...args])
    : await capture(wrk, args)
  if (code !== 0) throw new Error(`wrk ${args.join(' ')} exited with ${code}:\n${stderr}`)
  return parseWrk(stdout)
}

const describeResult = ({ requestsPerSecond, p50Ms, p99Ms, non2xx, socketErrors }: WrkResult) =>
  `${requestsPerSecond.toFixed(0)} req/s, p50 ${p50Ms.toFixed(2)} ms, p99 ${p99Ms.toFixed(2)} ms` +
  (non2xx || socketErrors ? ` (${non2xx} non-2xx, ${socketErrors} socket errors)` : '')

const headerObject = (headers: string[]) =>
  Object.fromEntries(
    headers.map((header) => [
      header.slice(0, header.indexOf(':')),
      header.slice(header.indexOf(':') + 1).trim(),
    ]),
  )

/** A short warm-up run, then (once the requests it left in flight are answered) the measured one. */
const measure = async (
  wrk: string,
  label: string,
  url: string,
  seconds: number,
  headers: string[] = [],
): Promise<Row> => {
  await runWrk(wrk, url, Math.min(WARM_UP_SECONDS, seconds), headers)
  await (await fetch(url, { headers: headerObject(headers) })).arrayBuffer()
  const result = await runWrk(wrk, url, seconds, headers)
  log(`  ${label}: ${describeResult(result)}`)
  return { label, result }
}

/** Each figure's median over the rounds: one busy moment on a shared machine does not decide a ratio. */
const medianResult = (results: WrkResult[]): WrkResult => ({
  requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
  p50Ms: median(results.map((result) => result.p50Ms)),
  p99Ms: median(results.map((result) => result.p99Ms)),
  bytesPerResponse: median(results.map((result) => result.bytesPerResponse)),
  non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
  socketErrors: results.reduce((sum, result) => sum + result.socketErrors, 0),
})

/** Measures the targets in turn, `rounds` times (interleaved, so drift in the machine's load hits all alike). */
const measureInterleaved = async (
  wrk: string,
  targets: Array<{ label: string; url: string; headers?: string[] }>,
  seconds: number,
  rounds: number,
): Promise<Row[]> => {
  const results = targets.map((): WrkResult[] => [])
  for (let round = 1; round <= rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const { result } = await measure(
        wrk,
        `${target.label} (round ${round}/${rounds})`,
        target.url,
        seconds,
        target.headers,
      )
      results[index]?.push(result)
    }
  }
  return targets.map((target, index) => ({
    label: `${target.label}, median of ${rounds}`,
    result: medianResult(results[index] ?? []),
  }))
}

/** The delivery path's answer in each encoding, as files of a static copy: the plain bytes, .br and .gz. */
type Encoded = { identity: Buffer; br: Buffer; gzip: Buffer }

const nginxPrefix = PINNED ? ['taskset', '-c', SERVER_CPU] : []

const nginxFailure = (dir: string) => {
  const errorLog = path.join(dir, 'error.log')
  return fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : ''
}

/**
 * nginx serving `encoded` at the delivery path as a plain static copy: a root folder and nothing
 * else, `gzip_static` and `brotli_static` on (a request without Accept-Encoding gets the plain file);
 * `openFileCache` adds deploy/nginx.conf's open file cache. Checks it serves the same bytes in each
 * encoding; stopped by the cleanup.
 */
const startNginx = async (
  encoded: Encoded,
  { openFileCache = false }: { openFileCache?: boolean } = {},
): Promise<{ url: string; stop: () => Promise<void> }> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-bench-static-'))
  removeAtEnd(dir)
  // Workers run as an unprivileged user when nginx starts as root: they must be able to read the files.
  fs.chmodSync(dir, 0o755)
  const file = path.join(dir, DELIVERY_PATH)
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 })
  fs.writeFileSync(file, encoded.identity, { mode: 0o644 })
  fs.writeFileSync(`${file}.br`, encoded.br, { mode: 0o644 })
  fs.writeFileSync(`${file}.gz`, encoded.gzip, { mode: 0o644 })
  const nginx = await startNginxWith({
    workers: NGINX_WORKERS,
    prefix: nginxPrefix,
    http: (port) => `  types {}
  default_type application/json;
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    gzip_static on;
    brotli_static on;
    gzip_vary on;${openFileCache ? '\n    open_file_cache max=10000 inactive=60s;\n    open_file_cache_valid 1s;' : ''}
  }`,
  })
  onCleanup(() => nginx.stop())
  const url = `${nginx.url}${DELIVERY_PATH}`
  await expectSameBytes(url, encoded, () => nginxFailure(nginx.dir))
  return { url, stop: nginx.stop }
}

/** nginx with deploy/nginx.conf (the README's configuration) serving the static export at `root`. */
const startExportNginx = async (
  root: string,
  encoded: Encoded,
): Promise<{ url: string; stop: () => Promise<void> }> => {
  const nginx = await startNginxWith({
    workers: NGINX_WORKERS,
    prefix: nginxPrefix,
    http: (port) => kaijiNginxConf(root, port),
  })
  onCleanup(() => nginx.stop())
  const url = `${nginx.url}${DELIVERY_PATH}`
  await expectSameBytes(url, encoded, () => nginxFailure(nginx.dir))
  return { url, stop: nginx.stop }
}

const ACCEPTS: Record<keyof Encoded, Record<string, string>> = {
  identity: {},
  br: { 'Accept-Encoding': 'gzip, br' },
  gzip: { 'Accept-Encoding': 'gzip' },
}

/** What `url` serves in each encoding (brotli for `gzip, br`, as a browser sends). */
const fetchEncoded = async (url: string): Promise<Encoded> => {
  const { origin, pathname } = new URL(url)
  const answers = await Promise.all(
    (Object.keys(ACCEPTS) as Array<keyof Encoded>).map(async (encoding) => {
      const answer = await getBytes(origin, pathname, ACCEPTS[encoding])
      const coding = answer.headers['content-encoding'] ?? 'identity'
      if (answer.status !== 200 || coding !== encoding)
        throw new Error(
          `${url} with ${JSON.stringify(ACCEPTS[encoding])}: ${answer.status} ${coding}`,
        )
      return [encoding, answer.body] as const
    }),
  )
  return Object.fromEntries(answers) as Encoded
}

type Wire = { headerBytes: number; bodyBytes: number }

/** One GET over a fresh connection, counted as it arrives on the wire: the status line and headers, and the body. */
const wireBytes = (url: string, headers: Record<string, string>) =>
  new Promise<Wire>((resolve, reject) => {
    const { hostname, port, pathname } = new URL(url)
    const socket = net.connect(Number(port), hostname)
    const pieces: Buffer[] = []
    socket.on('data', (piece: Buffer) => pieces.push(piece))
    socket.on('error', reject)
    socket.on('end', () => {
      const all = Buffer.concat(pieces)
      const headerBytes = all.indexOf('\r\n\r\n') + 4
      resolve({ headerBytes, bodyBytes: all.length - headerBytes })
    })
    const lines = Object.entries({ ...headers, Host: `${hostname}:${port}`, Connection: 'close' })
    socket.end(
      `GET ${pathname} HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`,
    )
  })

const expectSameBytes = async (url: string, expected: Encoded, describeFailure: () => string) => {
  const served = await fetchEncoded(url).catch((error: Error) => {
    throw new Error(`nginx at ${url}: ${error.message}\n${describeFailure()}`)
  })
  for (const encoding of Object.keys(ACCEPTS) as Array<keyof Encoded>)
    if (!served[encoding].equals(expected[encoding]))
      throw new Error(`nginx at ${url} serves other ${encoding} bytes than the public site`)
}

/** `npm run export` on the bench's database: its one-line summary, with how long it took. */
const runExport = async (out: string, publicUrl: string, dataDir: string): Promise<string> => {
  const started = performance.now()
  const exported = await runScript('src/cli/export.ts', ['--out', out, '--public-url', publicUrl], {
    KAIJI_DATA_DIR: dataDir,
  })
  if (exported.code !== 0) throw new Error(`npm run export failed:\n${exported.stderr}`)
  const seconds = (performance.now() - started) / 1000
  return `${exported.stdout.trim().split('\n').at(-1) ?? ''} (${seconds.toFixed(1)} s with the command's start)`
}

/** Threads of `pid` and of its children (the public site) on the server CPU. */
const pinToServerCpu = (pid: number) => {
  if (!PINNED || !pid) return
  for (const target of [pid, ...childrenOf(pid)])
    spawnSync('taskset', ['-a', '-p', '-c', SERVER_CPU, String(target)])
}

/** `npm start`, optionally with its delivery-only public site on a free port. */
const startKaiji = async (dataDir: string, { publicSite }: { publicSite: boolean }) => {
  // The public rate limit stays on (its cost is part of the hot path) with a ceiling wrk cannot reach.
  const server = await startServer({
    dataDir,
    env: {
      KAIJI_PUBLIC_PORT: publicSite ? '0' : 'off',
      KAIJI_RATE_LIMIT_PUBLIC: UNREACHABLE_PUBLIC_RATE_LIMIT,
    },
  })
  onCleanup(() => server.stop())
  const pid = server.pid
  // Every thread of the servers (libuv's pool and the database's included) on the server CPU.
  pinToServerCpu(pid)
  return {
    url: server.baseURL,
    publicUrl: server.publicURL,
    pid,
    publicPid: childrenOf(pid)[0] ?? 0,
  }
}

const createUsers = async (dataDir: string) => {
  for (const user of [TEST_USERS.admin, TEST_USERS.editor, TEST_USERS.reviewer]) {
    const args = [
      '--email',
      user.email,
      '--password',
      TEST_PASSWORD,
      '--role',
      user.role,
      '--name',
      `bench ${user.role}`,
    ]
    const result = await runScript('src/cli/createUser.ts', args, { KAIJI_DATA_DIR: dataDir })
    if (result.code !== 0) throw new Error(`create-user ${user.email} failed: ${result.stderr}`)
  }
}

const fetchDelivered = async (baseURL: string): Promise<{ body: Buffer; release: number }> => {
  const body = Buffer.from(await (await fetch(`${baseURL}${DELIVERY_PATH}`)).arrayBuffer())
  const parsed = JSON.parse(body.toString('utf8')) as { release?: { number?: number } }
  return { body, release: parsed.release?.number ?? 0 }
}

const servedRelease = async (baseURL: string): Promise<number> =>
  (await fetchDelivered(baseURL)).release

const releaseNumber = (what: string, result: ApiResponse<PublishResult>): number => {
  const number = result.body.release?.number
  if (result.status !== 201 || number === undefined)
    throw new Error(`${what}: ${result.status} ${result.text}`)
  return number
}

const msSince = (started: number) => performance.now() - started

const timeUntilServed = async (
  baseURL: string,
  number: number,
  started: number,
): Promise<number> => {
  while (msSince(started) < SERVED_TIMEOUT_MS) {
    if ((await servedRelease(baseURL)) >= number) return msSince(started)
    await sleep(POLL_MS)
  }
  return Number.POSITIVE_INFINITY
}

let changeCount = 0
/** An edit approved (editor edits and submits, reviewer approves) and published: returns the release number. */
const publishChange = async (api: ApiClient): Promise<number> => {
  changeCount += 1
  await approveChange(api, {
    subject: 'cloud-platform',
    locale: 'ja',
    data: { name: `クラウド プラットフォーム(bench ${changeCount})` },
  })
  const summary = `bench change ${changeCount}`
  return releaseNumber(
    'publish',
    await releaseAction(api, 'publish', { locale: 'ja', summary, changeType: 'editorial' }),
  )
}

/** Release 2 by a publish (timed until served), then rollbacks alternating to 1 and 2 until the locale holds `total` releases. */
const fillReleases = async (api: ApiClient, site: string, total: number): Promise<number> => {
  let newest = await publishChange(api)
  const servedMs = await timeUntilServed(site, newest, performance.now())
  log(
    `  release ${newest} published (an approved edit), served by A's public site after ${servedMs.toFixed(0)} ms`,
  )
  const first = newest
  const started = performance.now()
  while (newest < total) {
    const toRelease = newest % 2 === 0 ? 1 : 2
    newest = releaseNumber(
      `rollback to ${toRelease}`,
      await releaseAction(api, 'rollback', {
        locale: 'ja',
        toRelease,
        reason: 'bench: fill releases',
      }),
    )
    if (newest % 100 === 0) log(`  release ${newest}`)
  }
  const seconds = (performance.now() - started) / 1000
  const rollbacks = newest - first
  log(
    `  ${rollbacks} rollbacks (releases ${first + 1}–${newest}), one request each as the reviewer: ${seconds.toFixed(1)} s, ${((seconds * 1000) / rollbacks).toFixed(0)} ms per rollback`,
  )
  return servedMs
}

const summarize = (samples: number[]): Served => {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return { maxMs: sorted.at(-1) ?? 0, medianMs: median }
}

/** Publishes through A's main port, then polls `a` (A's public site) and `b` (process B) until each serves the new release. */
const publishToServed = async (api: ApiClient, a: string, b: string) => {
  for (const baseURL of [a, b]) await servedRelease(baseURL)
  const onA: number[] = []
  const onB: number[] = []
  for (let sample = 1; sample <= PUBLISH_SAMPLES; sample += 1) {
    const number = await publishChange(api)
    const started = performance.now()
    const [msA, msB] = await Promise.all([
      timeUntilServed(a, number, started),
      timeUntilServed(b, number, started),
    ])
    onA.push(msA)
    onB.push(msB)
    log(
      `  release ${number}: served by A's public site after ${msA.toFixed(0)} ms, by B after ${msB.toFixed(0)} ms`,
    )
  }
  return { a: summarize(onA), b: summarize(onB) }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS')

const printThroughput = (rows: Row[]) => {
  log('')
  printTable(
    [
      { title: 'measurement (wrk -c50)' },
      ...['req/s', 'p50 ms', 'p99 ms', 'bytes/response', 'non-2xx', 'socket errors'].map(
        (title) => ({ title, right: true }),
      ),
    ],
    rows.map(
      ({
        label,
        result: { requestsPerSecond, p50Ms, p99Ms, bytesPerResponse, non2xx, socketErrors },
      }) => [
        label,
        requestsPerSecond.toFixed(0),
        p50Ms.toFixed(2),
        p99Ms.toFixed(2),
        bytesPerResponse.toFixed(0),
        String(non2xx),
        String(socketErrors),
      ],
    ),
  )
}

const printTargets = (figures: {
  one: WrkResult
  many: WrkResult
  oneMain: WrkResult
  manyMain: WrkResult
  rest: WrkResult
  nginx: WrkResult
  nginxAgain: WrkResult
  siteBr: WrkResult
  nginxBr: WrkResult
  exportBr: WrkResult
  cachedBr: WrkResult
  wire: { siteBr: Wire; nginxBr: Wire; exportBr: Wire }
  site: Served
  other: Served
}) => {
  const {
    one,
    many,
    oneMain,
    manyMain,
    rest,
    nginx,
    nginxAgain,
    siteBr,
    nginxBr,
    exportBr,
    cachedBr,
    wire,
    site,
    other,
  } = figures
  const total = ({ headerBytes, bodyBytes }: Wire) => headerBytes + bodyBytes
  // The 1- and 500-release runs are minutes apart; nginx, measured beside each, shows how the machine's load moved.
  const phaseAdjusted = (later: WrkResult) =>
    later.requestsPerSecond /
    nginxAgain.requestsPerSecond /
    (one.requestsPerSecond / nginx.requestsPerSecond)
  const ratio = (value: number) => `${value.toFixed(2)}×`
  const checks: Array<[string, string, string, boolean]> = [
    [
      'public site / nginx static (req/s), 1 release',
      ratio(one.requestsPerSecond / nginx.requestsPerSecond),
      '≥ 0.5×',
      one.requestsPerSecond >= 0.5 * nginx.requestsPerSecond,
    ],
    [
      `public site / nginx static (req/s), ${RELEASES} releases`,
      ratio(many.requestsPerSecond / nginxAgain.requestsPerSecond),
      '≥ 0.5×',
      many.requestsPerSecond >= 0.5 * nginxAgain.requestsPerSecond,
    ],
    [
      'public site / Payload REST (req/s)',
      `${(one.requestsPerSecond / rest.requestsPerSecond).toFixed(1)}×`,
      '≥ 10×',
      one.requestsPerSecond >= 10 * rest.requestsPerSecond,
    ],
    ['public site p99, 1 release', `${one.p99Ms.toFixed(2)} ms`, '≤ 10 ms', one.p99Ms <= 10],
    [
      `public site p99, ${RELEASES} releases`,
      `${many.p99Ms.toFixed(2)} ms`,
      '≤ 10 ms',
      many.p99Ms <= 10,
    ],
    [
      `public site ${RELEASES} / 1 release (req/s), raw`,
      ratio(many.requestsPerSecond / one.requestsPerSecond),
      '≥ 0.9× (no slowdown)',
      many.requestsPerSecond >= 0.9 * one.requestsPerSecond,
    ],
    [
      `public site ${RELEASES} / 1 release, each against nginx in its own phase`,
      ratio(phaseAdjusted(many)),
      '≥ 0.9× (no slowdown)',
      phaseAdjusted(many) >= 0.9,
    ],
    [
      'public site / nginx gzip_static (req/s), gzip, br',
      ratio(siteBr.requestsPerSecond / nginxBr.requestsPerSecond),
      '≥ 0.6×',
      siteBr.requestsPerSecond >= 0.6 * nginxBr.requestsPerSecond,
    ],
    [
      'body bytes, public site / nginx gzip_static, gzip, br',
      `${wire.siteBr.bodyBytes} / ${wire.nginxBr.bodyBytes} B`,
      '≤ nginx',
      wire.siteBr.bodyBytes <= wire.nginxBr.bodyBytes,
    ],
    [
      'bytes per response, public site / nginx static export (the same headers), gzip, br',
      `${total(wire.siteBr)} / ${total(wire.exportBr)} B`,
      '≤ nginx',
      total(wire.siteBr) <= total(wire.exportBr),
    ],
    [
      'nginx static export / nginx plain static copy (req/s), gzip, br',
      ratio(exportBr.requestsPerSecond / nginxBr.requestsPerSecond),
      '≥ 0.95×',
      exportBr.requestsPerSecond >= 0.95 * nginxBr.requestsPerSecond,
    ],
    [
      'publish-to-served, public site of A (max / median)',
      `${fixed(site.maxMs, 0)} / ${fixed(site.medianMs, 0)} ms`,
      '≤ 1000 ms',
      site.maxMs <= 1000,
    ],
    [
      'publish-to-served, process B (max / median)',
      `${fixed(other.maxMs, 0)} / ${fixed(other.medianMs, 0)} ms`,
      '≤ 1000 ms',
      other.maxMs <= 1000,
    ],
  ]
  log(
    `\nnginx static export / the same plain copy with deploy/nginx.conf's open file cache (req/s), gzip, br: ${ratio(exportBr.requestsPerSecond / cachedBr.requestsPerSecond)} (reference: what try_files, the header maps and the added headers cost)`,
  )
  log(
    `\nnginx in the ${RELEASES}-release phase ran at ${ratio(nginxAgain.requestsPerSecond / nginx.requestsPerSecond)} its 1-release-phase rate (the machine's load moved)`,
  )
  log('')
  printTable(
    [{ title: 'check' }, { title: 'value', right: true }, { title: 'target' }, { title: 'result' }],
    checks.map(([label, value, target, ok]) => [label, value, target, verdict(ok)]),
  )
  log(
    '\nFor reference, the public routes on the main port (the process that also serves the admin, REST and GraphQL):',
  )
  log(
    `  1 release ${ratio(oneMain.requestsPerSecond / nginx.requestsPerSecond)} nginx, p99 ${oneMain.p99Ms.toFixed(2)} ms; ` +
      `${RELEASES} releases ${ratio(manyMain.requestsPerSecond / nginxAgain.requestsPerSecond)} nginx, p99 ${manyMain.p99Ms.toFixed(2)} ms`,
  )
}

const main = async () => {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
    },
  })
  const seconds = Number(values.duration)
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new Error(
      `--duration must be a whole number of seconds, not ${JSON.stringify(values.duration)}`,
    )
  const rounds = Number(values.rounds)
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(
      `--rounds must be a whole number, 1 or more, not ${JSON.stringify(values.rounds)}`,
    )

  const tools = await ensureTools()
  const wrkVersion = await toolVersion(tools.wrk, '-v', /wrk (\S+)/)
  const nginxVersion = await toolVersion(tools.nginx, '-v', /nginx version: (\S+)/)
  const cpus = os.cpus()
  log(
    `Kaiji delivery benchmark — ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, wrk ${wrkVersion}, ${nginxVersion}`,
  )
  log(`load average ${loadAverage()}`)
  log(
    `wrk -t${THREADS} -c${CONNECTIONS} -d${seconds}s --latency --timeout ${WRK_TIMEOUT} after a ${Math.min(WARM_UP_SECONDS, seconds)} s warm-up`,
  )
  log(
    PINNED
      ? `servers (Kaiji's processes, nginx) pinned to CPU ${SERVER_CPU}, wrk to CPU ${LOAD_CPU} (taskset)`
      : 'wrk runs on the same cores as the servers',
  )
  log(`measured in turn, ${rounds} rounds each; the tables give each figure's median`)

  const dataDir = makeDataDir('bench-delivery')
  removeAtEnd(dataDir)
  log(
    'starting the server with its public site (npm start; builds first when the sources changed)…',
  )
  const serverA = await startKaiji(dataDir, { publicSite: true })
  const a = serverA.url
  const site = serverA.publicUrl
  if (!site) throw new Error('the public site did not start')
  log(`main server ${a}, public site ${site}`)
  await createUsers(dataDir)
  const memory = () =>
    `main ${fixed(residentMb(serverA.pid), 0)} MB, public site ${fixed(residentMb(serverA.publicPid), 0)} MB`
  const rss: Array<[string, string]> = [['after start', memory()]]
  const api = new ApiClient(a)
  const restToken = await api.login('editor')

  const delivered = await fetchDelivered(site)
  log(`GET ${DELIVERY_PATH}: release ${delivered.release}, body ${delivered.body.length} bytes`)
  const encoded = await fetchEncoded(`${site}${DELIVERY_PATH}`)
  const staticFile = await startNginx(encoded)
  const nginxLabel = `nginx static, ${NGINX_WORKERS} worker`
  const [one, oneMain, nginx] = await measureInterleaved(
    tools.wrk,
    [
      { label: 'public site, 1 release', url: `${site}${DELIVERY_PATH}` },
      { label: 'main port, 1 release (reference)', url: `${a}${DELIVERY_PATH}` },
      { label: nginxLabel, url: staticFile.url },
    ],
    seconds,
    rounds,
  )
  const rest = await measure(
    tools.wrk,
    'Payload REST (authenticated, main port)',
    `${a}${REST_PATH}`,
    seconds,
    [`Authorization: JWT ${restToken}`],
  )

  log('static export of the public site (npm run export)…')
  const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-bench-export-'))
  removeAtEnd(exports)
  fs.chmodSync(exports, 0o755)
  const exportRoot = path.join(exports, 'site')
  const exportSummary = await runExport(exportRoot, site, dataDir)
  log(`  ${exportSummary}`)
  const exportServer = await startExportNginx(exportRoot, encoded)
  const cachedCopy = await startNginx(encoded, { openFileCache: true })
  const compressed = { headers: ['Accept-Encoding: gzip, br'] }
  const [siteBr, nginxBr, exportBr, cachedBr] = await measureInterleaved(
    tools.wrk,
    [
      { label: 'public site, 1 release, gzip, br', url: `${site}${DELIVERY_PATH}`, ...compressed },
      {
        label: `${nginxLabel}, gzip_static/brotli_static, gzip, br`,
        url: staticFile.url,
        ...compressed,
      },
      {
        label: `nginx static export (deploy/nginx.conf), ${NGINX_WORKERS} worker, gzip, br`,
        url: exportServer.url,
        ...compressed,
      },
      {
        label: `${nginxLabel}, gzip_static/brotli_static + open_file_cache, gzip, br (reference)`,
        url: cachedCopy.url,
        ...compressed,
      },
    ],
    seconds,
    rounds,
  )
  await cachedCopy.stop()
  const wire = {
    site: await wireBytes(`${site}${DELIVERY_PATH}`, ACCEPTS.identity),
    nginx: await wireBytes(staticFile.url, ACCEPTS.identity),
    siteBr: await wireBytes(`${site}${DELIVERY_PATH}`, ACCEPTS.br),
    nginxBr: await wireBytes(staticFile.url, ACCEPTS.br),
    exportBr: await wireBytes(exportServer.url, ACCEPTS.br),
  }
  await exportServer.stop()

  rss.push(['after the 1-release, nginx and REST runs', memory()])
  log(`filling ja with ${RELEASES} releases…`)
  const servedAtTwo = await fillReleases(api, site, RELEASES)
  rss.push([`after ${RELEASES - 2} rollbacks`, memory()])
  const filled = await fetchDelivered(site)
  if (filled.release !== RELEASES)
    throw new Error(`expected release ${RELEASES} to be served, got ${filled.release}`)
  const [many, manyMain, nginxAgain] = await measureInterleaved(
    tools.wrk,
    [
      { label: `public site, ${RELEASES} releases`, url: `${site}${DELIVERY_PATH}` },
      { label: `main port, ${RELEASES} releases (reference)`, url: `${a}${DELIVERY_PATH}` },
      { label: `${nginxLabel} (again)`, url: staticFile.url },
    ],
    seconds,
    rounds,
  )
  await staticFile.stop()
  if (
    !one ||
    !oneMain ||
    !nginx ||
    !many ||
    !manyMain ||
    !nginxAgain ||
    !siteBr ||
    !nginxBr ||
    !exportBr ||
    !cachedBr
  )
    throw new Error('a measurement is missing')
  const rows: Row[] = [
    one,
    many,
    oneMain,
    manyMain,
    rest,
    nginx,
    nginxAgain,
    siteBr,
    nginxBr,
    exportBr,
    cachedBr,
  ]
  rss.push([`after the ${RELEASES}-release runs`, memory()])
  log(`static export at ${RELEASES} releases (npm run export)…`)
  const bigExportSummary = await runExport(path.join(exports, 'big'), site, dataDir)
  log(`  ${bigExportSummary}`)

  log('starting a second server process (B) on the same data directory…')
  const b = (await startKaiji(dataDir, { publicSite: false })).url
  await fetchDelivered(b)
  log(
    `publish-to-served, ${PUBLISH_SAMPLES} publishes through A's main port, polling every ${POLL_MS} ms:`,
  )
  const served = await publishToServed(api, site, b)

  printThroughput(rows)
  log(
    `\nbytes per response of GET ${DELIVERY_PATH} at release 1 (one request each, counted on the wire):\n`,
  )
  printTable(
    [
      { title: 'response' },
      ...['status line and headers', 'body', 'total'].map((title) => ({ title, right: true })),
    ],
    (
      [
        ['public site, plain', wire.site],
        [`${nginxLabel}, plain`, wire.nginx],
        ['public site, gzip, br', wire.siteBr],
        [`${nginxLabel}, gzip_static/brotli_static, gzip, br`, wire.nginxBr],
        ['nginx static export (deploy/nginx.conf), gzip, br', wire.exportBr],
      ] as const
    ).map(([label, { headerBytes, bodyBytes }]) => [
      label,
      String(headerBytes),
      String(bodyBytes),
      String(headerBytes + bodyBytes),
    ]),
  )
  printTargets({
    one: one.result,
    many: many.result,
    oneMain: oneMain.result,
    manyMain: manyMain.result,
    rest: rest.result,
    nginx: nginx.result,
    nginxAgain: nginxAgain.result,
    siteBr: siteBr.result,
    nginxBr: nginxBr.result,
    exportBr: exportBr.result,
    cachedBr: cachedBr.result,
    wire,
    site: served.a,
    other: served.b,
  })
  log(`\nresident memory of A: ${rss.map(([when, figures]) => `${when}: ${figures}`).join('; ')}`)
  log(
    `publish-to-served on A's public site with 2 releases in ja (one sample, for comparison): ${servedAtTwo.toFixed(0)} ms`,
  )
  log(
    `response body of ${DELIVERY_PATH}: ${delivered.body.length} bytes at release 1 (served by nginx too; ${encoded.br.length} bytes in brotli, ${encoded.gzip.length} in gzip, the same bytes from the public site and both nginx setups), ${filled.body.length} bytes at release ${RELEASES}`,
  )
  log(`static export at release 1: ${exportSummary.replace(/^Static export written to \S+ /, '')}`)
  log(
    `static export at release ${RELEASES}: ${bigExportSummary.replace(/^Static export written to \S+ /, '')}`,
  )
  log(
    `nginx: worker_processes ${NGINX_WORKERS} (node serves from one JavaScript thread), keepalive_requests 1000000 (node has no per-connection limit), access_log off`,
  )
  log(
    `wrk ${wrkVersion}; ${nginxVersion}; ${cpus.length} CPUs; Node ${process.version}; load average now ${loadAverage()}`,
  )
}

runBench(main)
