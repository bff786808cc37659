#!/usr/bin/env node
/**
 * `npm run check:image [-- --reuse-build] [-- --keep]`: the Docker image's final stage, without a
 * Docker engine. Reads the Dockerfile and replays its stages in a temporary folder on the Node 24
 * binary (scripts/nodeBinary.mjs): the build context (the working tree minus .dockerignore), the
 * build stage's RUN lines, the prod-deps stage (`npm ci --omit=dev`), then the runtime stage's COPY
 * lines, ENV and CMD. It checks the file set (no sources, tests, source maps or dev dependencies),
 * then starts CMD as a plain `node` process (as `nobody` when run as root, for the image's USER),
 * with HOST on loopback and free ports, and checks /readyz and a public page on both ports, the
 * admin, two bundled CLIs, and a clean exit on SIGTERM. Prints PASS/FAIL lines; exits 1 on a FAIL.
 *
 * --reuse-build takes dist/ and .next/ from this checkout's current build instead of building in
 * the copy (minutes faster; the build-stage RUN lines after `npm run build` still run).
 * Not replayed: the runtime stage's RUN lines (apt-get for tini, mkdir/chown of the volume, which
 * is emulated) and ENTRYPOINT (tini).
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { buildIsCurrent } from '../src/server/buildFingerprint.mjs'
import { ensureNodeBinary, envWithNode, NODE_24 } from './nodeBinary.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const reuseBuild = process.argv.includes('--reuse-build')
const keep = process.argv.includes('--keep')
const APP = '/app'

const results = []
const check = (ok, what) => {
  results.push(ok)
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${what}\n`)
  return ok
}
const note = (text) => process.stdout.write(`     ${text}\n`)

// --- The Dockerfile, as stages of instructions (continuation lines joined) ---
const instructions = fs
  .readFileSync(path.join(root, 'Dockerfile'), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? []
    return { keyword: keyword.toUpperCase(), rest }
  })
const args = Object.fromEntries(
  instructions.filter((i) => i.keyword === 'ARG').map((i) => i.rest.split('=')),
)
const stages = []
for (const instruction of instructions) {
  if (instruction.keyword === 'FROM') {
    const [image, , name] = instruction.rest.replace(/\$\{(\w+)\}/g, (_, n) => args[n]).split(/\s+/)
    stages.push({ image, name, steps: [] })
  } else if (stages.length) stages.at(-1).steps.push(instruction)
}
const stage = (name) => stages.find((s) => s.name === name)
const [build, prodDeps, runtime] = [stage('build'), stage('prod-deps'), stages.at(-1)]
if (!build || !prodDeps) throw new Error('the Dockerfile has no "build" or "prod-deps" stage')
for (const s of [build, prodDeps, runtime]) {
  const workdir = s.steps.find((i) => i.keyword === 'WORKDIR')?.rest
  if (workdir !== APP) throw new Error(`stage ${s.name}: WORKDIR ${workdir}, expected ${APP}`)
}

const nodeMajor = NODE_24.split('.')[0]
check(
  stages.every((s) => new RegExp(`^node:${nodeMajor}[.-].*slim$`).test(s.image)),
  `every stage builds on a slim Node ${nodeMajor} image (${[...new Set(stages.map((s) => s.image))].join(', ')})`,
)

// --- Folders: one per stage, each standing for /app ---
const node24 = ensureNodeBinary(NODE_24)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-image-'))
fs.chmodSync(work, 0o755)
const stageDir = Object.fromEntries(stages.map((s) => [s.name, path.join(work, s.name)]))
const context = path.join(work, 'context')
note(`working in ${work} with node ${NODE_24}`)

const sh = (command, cwd) => {
  note(`$ ${command}`)
  const result = spawnSync('sh', ['-c', command], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: envWithNode(node24, { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }),
  })
  if (result.status !== 0)
    throw new Error(`${command} failed (exit ${result.status}):\n${result.stderr}`)
}
const copyInto = (from, to) => {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  // cp -a keeps the symlinks .next/node_modules holds (they point at ../../node_modules/<package>).
  const result = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`cp ${from} ${to}: ${result.stderr}`)
}
const insideApp = (dir, target) => path.join(dir, path.relative(APP, path.resolve(APP, target)))

/** COPY [--from=stage] sources… destination, relative to WORKDIR /app. */
const replayCopy = (dir, rest) => {
  const parts = rest.split(/\s+/)
  const from = parts[0]?.startsWith('--from=') ? parts.shift().slice('--from='.length) : null
  const destination = parts.pop()
  for (const source of parts) {
    const origin = from ? insideApp(stageDir[from], source) : path.join(context, source)
    if (!fs.existsSync(origin)) throw new Error(`COPY ${rest}: ${source} does not exist`)
    const into = insideApp(dir, destination)
    const target = destination.endsWith('/') ? path.join(into, path.basename(source)) : into
    if (source === '.') fs.cpSync(origin, into, { recursive: true, verbatimSymlinks: true })
    else copyInto(origin, target)
  }
}

// --- The build context: the working tree (tracked and untracked, not ignored) minus .dockerignore ---
const ignoreMatchers = fs
  .readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((pattern) => {
    if (/[!?[\]]|\*\*/.test(pattern))
      throw new Error(`.dockerignore: "${pattern}" needs a fuller matcher than this script's`)
    const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')
    return new RegExp(`^${source}(/|$)`)
  })
const contextFiles = spawnSync(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
  { cwd: root, encoding: 'utf8' },
)
  .stdout.split('\0')
  .filter((file) => file && !ignoreMatchers.some((matcher) => matcher.test(file)))
  .filter((file) => fs.existsSync(path.join(root, file)))

let failure = null
let server = null
try {
  if (reuseBuild) {
    if (!buildIsCurrent(root))
      throw new Error('--reuse-build: no current build here (run `npm run build`)')
    // The build stage's output, from this checkout; then the build-stage RUN lines after the build.
    fs.mkdirSync(context, { recursive: true })
    for (const file of contextFiles) copyInto(path.join(root, file), path.join(context, file))
    copyInto(path.join(root, 'dist'), path.join(stageDir.build, 'dist'))
    fs.cpSync(path.join(root, '.next'), path.join(stageDir.build, '.next'), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !source.startsWith(path.join(root, '.next', 'cache')),
    })
    let built = false
    for (const step of build.steps) {
      if (step.keyword === 'COPY') replayCopy(stageDir.build, step.rest)
      if (step.keyword === 'RUN' && built) sh(step.rest, stageDir.build)
      if (step.keyword === 'RUN' && /\bnpm run build\b/.test(step.rest)) built = true
    }
    note('build stage: dist/ and .next/ taken from this checkout (--reuse-build)')
  } else {
    for (const file of contextFiles) copyInto(path.join(root, file), path.join(context, file))
    fs.mkdirSync(stageDir.build, { recursive: true })
    for (const step of build.steps) {
      if (step.keyword === 'COPY') replayCopy(stageDir.build, step.rest)
      if (step.keyword === 'RUN') sh(step.rest, stageDir.build)
    }
  }
  check(
    !fs.existsSync(path.join(context, 'tests')) && !fs.existsSync(path.join(context, 'scripts')),
    `the build context (${contextFiles.length} files) leaves out tests/ and scripts/${reuseBuild ? '' : ', and the build stage builds from it'}`,
  )

  fs.mkdirSync(stageDir[prodDeps.name], { recursive: true })
  for (const step of prodDeps.steps) {
    if (step.keyword === 'COPY') replayCopy(stageDir[prodDeps.name], step.rest)
    if (step.keyword === 'RUN') sh(step.rest, stageDir[prodDeps.name])
  }

  // --- The runtime stage ---
  const app = stageDir[runtime.name]
  fs.mkdirSync(app, { recursive: true })
  const env = {}
  let user = null
  let cmd = null
  let volume = null
  for (const step of runtime.steps) {
    if (step.keyword === 'COPY') replayCopy(app, step.rest)
    if (step.keyword === 'ENV') {
      for (const [, name, value] of step.rest.matchAll(/(\w+)=(\S+)/g)) env[name] = value
    }
    if (step.keyword === 'USER') user = step.rest
    if (step.keyword === 'CMD') cmd = JSON.parse(step.rest)
    if (step.keyword === 'VOLUME') volume = JSON.parse(step.rest)[0]
    if (step.keyword === 'RUN') note(`not replayed: RUN ${step.rest.slice(0, 60)}…`)
  }
  check(Boolean(volume) && volume === env.KAIJI_DATA_DIR, `VOLUME ${volume} is KAIJI_DATA_DIR`)
  check(Boolean(user) && user !== 'root' && user !== '0', `USER ${user} (not root)`)
  check(cmd?.[0] === 'node', `CMD runs node itself: ${JSON.stringify(cmd)}`)

  // The file set: what the server reads, nothing else.
  const topLevel = fs.readdirSync(app).sort()
  const outsideModules = topLevel
    .filter((name) => name !== 'node_modules')
    .flatMap((name) =>
      fs.statSync(path.join(app, name)).isDirectory()
        ? fs.readdirSync(path.join(app, name), { recursive: true }).map((f) => `${name}/${f}`)
        : [name],
    )
  const sources = outsideModules.filter(
    (file) => !file.split('/').includes('node_modules') && /\.(ts|tsx|mts|cts|map)$/.test(file),
  )
  check(sources.length === 0, `no TypeScript source or source map outside node_modules`)
  for (const file of sources.slice(0, 5)) note(file)
  check(
    !topLevel.some((name) =>
      ['src', 'tests', 'scripts', 'collections', 'migrations', '.ci'].includes(name),
    ),
    `top level: ${topLevel.join(' ')}`,
  )
  // Dev-only packages as the lockfile marks them (some devDependencies, say typescript, are also
  // dependencies of production packages, and are rightly installed).
  const { packages } = JSON.parse(fs.readFileSync(path.join(context, 'package-lock.json')))
  const devOnly = Object.keys(packages).filter((at) => packages[at].dev)
  const devInstalled = devOnly.filter((at) => fs.existsSync(path.join(app, at)))
  check(
    devInstalled.length === 0,
    `none of the lockfile's ${devOnly.length} dev-only packages is installed ${devInstalled.slice(0, 5).join(' ')}`,
  )
  const du = spawnSync('du', ['-sh', ...topLevel], { cwd: app, encoding: 'utf8' }).stdout
  note(`sizes: ${du.trim().replace(/\s*\n\s*/g, ', ')}`)

  // --- Run CMD as the image would: plain node, another user, the data volume its own ---
  const dataDir = insideApp(app, volume)
  fs.mkdirSync(dataDir, { recursive: true })
  const binDir = path.join(work, 'bin')
  fs.mkdirSync(binDir)
  fs.copyFileSync(node24, path.join(binDir, 'node'))
  fs.chmodSync(path.join(binDir, 'node'), 0o755)
  const asRoot = process.getuid?.() === 0
  if (asRoot) fs.chownSync(dataDir, 65534, 65534)
  const freePort = () =>
    new Promise((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address()
        probe.close(() => resolve(port))
      })
    })
  const [port, publicPort] = [await freePort(), await freePort()]
  const runEnv = {
    ...env,
    PATH: `${binDir}:/usr/bin:/bin`,
    HOME: dataDir,
    KAIJI_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    KAIJI_PUBLIC_PORT: String(publicPort),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  }
  const asUser = (argv) =>
    asRoot
      ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv]]
      : [argv[0], argv.slice(1)]
  const runNode = (argv) => {
    const [command, rest] = asUser([path.join(binDir, 'node'), ...argv])
    return spawnSync(command, rest, { cwd: app, env: runEnv, encoding: 'utf8' })
  }

  const [command, rest] = asUser([path.join(binDir, 'node'), ...cmd.slice(1)])
  let output = ''
  server = spawn(command, rest, { cwd: app, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise((resolve) =>
    server.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const started = Date.now()

  const get = async (url) => {
    try {
      const response = await fetch(url, { redirect: 'follow' })
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
      }
    } catch {
      return { status: 0, type: null, body: '' }
    }
  }
  const waitReady = async (base) => {
    while (Date.now() - started < 180_000 && server.exitCode === null) {
      if ((await get(`${base}/readyz`)).status === 200) return true
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    return false
  }
  const main = `http://127.0.0.1:${port}`
  const publicSite = `http://127.0.0.1:${publicPort}`
  const ready = (await waitReady(main)) && (await waitReady(publicSite))
  check(
    ready,
    `/readyz answers 200 on the main port and the public site (${Date.now() - started} ms after start)`,
  )
  if (ready) {
    const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
    const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1]
    const exe = fs.readlinkSync(`/proc/${server.pid}/exe`)
    check(
      exe === path.join(binDir, 'node') && (!asRoot || uid === '65534'),
      `the main process is ${exe} (uid ${uid}), no npm or shell in between`,
    )
    for (const base of [main, publicSite]) {
      const page = await get(`${base}/partners/ja`)
      check(
        page.status === 200 && /text\/html/.test(page.type ?? '') && page.body.includes('タイプ'),
        `GET ${base}/partners/ja → ${page.status} ${page.type}, ${page.body.length} characters`,
      )
    }
    const admin = await get(`${main}/admin`)
    check(
      admin.status === 200 && /text\/html/.test(admin.type ?? ''),
      `GET /admin → ${admin.status} (the Next build, read-only to the server)`,
    )
    const lastLine = ({ stdout, stderr }) => `${stdout}${stderr}`.trim().split('\n').at(-1)
    const created = runNode([
      'dist/cli/create-user.mjs',
      '--email',
      'ops@example.org',
      '--password',
      'Long-Enough-Passw0rd',
      '--role',
      'admin',
    ])
    check(created.status === 0, `node dist/cli/create-user.mjs → ${lastLine(created)}`)
    const verified = runNode(['dist/cli/audit-verify.mjs'])
    check(verified.status === 0, `node dist/cli/audit-verify.mjs → ${lastLine(verified)}`)
  }
  server.kill('SIGTERM')
  const { code, signal } = await exited
  check(code === 0, `SIGTERM: the server exits ${code ?? signal}`)
  check(
    fs.existsSync(path.join(dataDir, 'kaiji.db')),
    `the database is in the volume (${volume}/kaiji.db)`,
  )
  if (results.includes(false))
    process.stdout.write(`--- server output ---\n${output.slice(-4000)}\n`)
  server = null
} catch (error) {
  failure = error
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL')
  if (keep) note(`kept ${work}`)
  else fs.rmSync(work, { recursive: true, force: true })
}
if (failure) check(false, String(failure.stack ?? failure))
const passed = results.filter(Boolean).length
process.stdout.write(`${passed} passed, ${results.length - passed} failed\n`)
process.exit(results.includes(false) ? 1 : 0)
