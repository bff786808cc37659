/**
 * `npm run bench:startup`: the foundation's start-up figures, printed as a table.
 *   npm ci (in a fresh clone), build (time and peak RSS of the whole process tree), cold start to the
 *   first 200 on /healthz (built app, migrated database), idle RSS after one admin page load,
 *   seed import (first and repeated). Pass --skip-install to reuse this checkout's node_modules.
 * Absolute times depend on the machine's load; compare figures from one run.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = process.cwd()
const skipInstall = process.argv.includes('--skip-install')
const rows: Array<[string, string]> = []
const record = (label: string, value: string) => {
  rows.push([label, value])
  process.stdout.write(`  ${label}: ${value}\n`)
}

const rssOfTreeKb = (pid: number): number => {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // process ended while reading
    }
  }
  let total = 0
  const visit = (id: number) => {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))
      total += Number(match?.[1] ?? 0)
    } catch {
      // ended
    }
    for (const child of children.get(id) ?? []) visit(child)
  }
  visit(pid)
  return total
}

/** Runs a command to completion, returning seconds and the peak RSS of its process tree. */
const measure = (
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
) =>
  new Promise<{ seconds: number; peakMb: number }>((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd, env, stdio: 'ignore' })
    let peak = 0
    const poll = setInterval(() => {
      if (child.pid) peak = Math.max(peak, rssOfTreeKb(child.pid))
    }, 100)
    child.on('exit', (code) => {
      clearInterval(poll)
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1024 })
    })
  })

const serverEnv = (dataDir: string, port: number): NodeJS.ProcessEnv => {
  const { NODE_ENV: _nodeEnv, DATABASE_URL: _databaseUrl, ...inherited } = process.env
  // Next's typings declare NODE_ENV as always set; the server must see it unset, as an operator's shell would.
  return {
    ...inherited,
    KAIJI_DATA_DIR: dataDir,
    PORT: String(port),
    KAIJI_PUBLIC_PORT: String(port + 1),
    NEXT_TELEMETRY_DISABLED: '1',
  } as unknown as NodeJS.ProcessEnv
}

const waitFor200 = async (url: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}

const startServer = (cwd: string, dataDir: string, port: number) =>
  spawn(process.execPath, ['--conditions=production', '--no-deprecation', 'scripts/start.mjs'], {
    cwd,
    env: serverEnv(dataDir, port),
    stdio: 'ignore',
  })

const stop = (child: ReturnType<typeof spawn>) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

const main = async () => {
  process.stdout.write(
    `Kaiji start-up benchmark — ${os.cpus().length} cores, Node ${process.version}\n`,
  )
  let checkout = root
  if (!skipInstall) {
    checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-bench-clone-'))
    spawnSync('git', ['clone', '--quiet', root, checkout], { stdio: 'inherit' })
    const install = await measure('npm', ['ci', '--no-audit', '--no-fund'], checkout)
    record(
      'npm ci (fresh clone)',
      `${install.seconds.toFixed(1)} s, peak RSS ${install.peakMb.toFixed(0)} MB`,
    )
  }

  const build = await measure('npm', ['run', 'build'], checkout)
  record(
    'build (import map, next build, server bundle)',
    `${build.seconds.toFixed(1)} s, peak RSS ${build.peakMb.toFixed(0)} MB`,
  )

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-bench-data-'))
  const port = 3900 + Math.floor(Math.random() * 90)
  const base = `http://127.0.0.1:${port}`

  const first = startServer(checkout, dataDir, port)
  let started = performance.now()
  await waitFor200(`${base}/healthz`, 300_000)
  record(
    'first start on an empty database (migrate + seed) to 200 /healthz',
    `${((performance.now() - started) / 1000).toFixed(2)} s`,
  )
  await stop(first)

  started = performance.now()
  const server = startServer(checkout, dataDir, port)
  await waitFor200(`${base}/healthz`, 120_000)
  record(
    'cold start, built app, migrated database, to 200 /healthz',
    `${((performance.now() - started) / 1000).toFixed(2)} s`,
  )

  const idleBefore = rssOfTreeKb(server.pid ?? 0) / 1024
  const admin = await fetch(`${base}/admin/login`)
  await admin.text()
  await new Promise((resolve) => setTimeout(resolve, 5_000))
  record('idle RSS before any admin page', `${idleBefore.toFixed(0)} MB`)
  record(
    'idle RSS 5 s after one admin page load (target ≤ 300 MB)',
    `${(rssOfTreeKb(server.pid ?? 0) / 1024).toFixed(0)} MB`,
  )
  await stop(server)

  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-bench-seed-'))
  const seedEnv = serverEnv(seedDir, port)
  const seedArgs = [
    '--conditions=production',
    '--no-deprecation',
    '--import',
    'tsx',
    'scripts/bench-seed.ts',
  ]
  const seedRun = spawnSync(process.execPath, seedArgs, {
    cwd: checkout,
    env: seedEnv,
    encoding: 'utf8',
  })
  if (seedRun.status !== 0) throw new Error(seedRun.stderr)
  for (const line of seedRun.stdout.trim().split('\n')) {
    const [label, value] = line.split('\t')
    if (label && value) record(label, value)
  }

  for (const dir of [dataDir, seedDir, ...(checkout === root ? [] : [checkout])])
    fs.rmSync(dir, { recursive: true, force: true })
  process.stdout.write('\n| figure | value |\n|---|---|\n')
  for (const [label, value] of rows) process.stdout.write(`| ${label} | ${value} |\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
