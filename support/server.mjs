import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { build } from 'esbuild'

import { computeBuildFingerprint } from '../src/server/buildFingerprint.mjs'
import { BUNDLE_OPTIONS } from '../src/server/bundleOptions.mjs'

/**
 * Starting and stopping the real server and running the CLIs, for the tests and the benchmarks alike.
 * Every test that starts a server goes through startServer.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const NODE_ARGS = ['--conditions=production', '--no-deprecation']
/** Exactly what `npm start` runs. */
export const START_ARGS = ['--conditions=production', '--no-deprecation', 'scripts/start.mjs']

export const makeDataDir = (label) => fs.mkdtempSync(path.join(os.tmpdir(), `kaiji-${label}-`))

/** Environment for a child process: the caller's, minus anything that would steer it elsewhere. */
export const childEnv = (extra) => {
  const env = { ...process.env }
  for (const name of [
    'NODE_ENV',
    'DATABASE_URL',
    'PAYLOAD_SECRET',
    'PORT',
    'NODE_OPTIONS',
    'JEST_WORKER_ID',
  ])
    delete env[name]
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/**
 * Bundles don't go stale: they live under the fingerprint of the sources `npm start` rebuilds on,
 * inside node_modules so that their packages resolve as the sources' do.
 */
const CLI_CACHE = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'kaiji-cli')
let sourcesFingerprint
const bundles = new Map()

/**
 * A project script bundled with the build's own options (src/server/bundleOptions.mjs), made once
 * per version of the sources: under tsx every run of a CLI spent seconds compiling and loading
 * TypeScript (3 times as long as the bundle, measured on create-user).
 */
const bundledScript = (script) => {
  sourcesFingerprint ??= computeBuildFingerprint(PROJECT_ROOT).slice(0, 16)
  const outfile = path.join(CLI_CACHE, sourcesFingerprint, script.replace(/\.[cm]?tsx?$/, '.mjs'))
  if (!bundles.has(outfile))
    bundles.set(
      outfile,
      (async () => {
        if (fs.existsSync(outfile)) return outfile
        const partial = `${outfile}.${process.pid}.partial.mjs`
        await build({
          ...BUNDLE_OPTIONS,
          absWorkingDir: PROJECT_ROOT,
          entryPoints: [script],
          outfile: partial,
        })
        // Atomic: a parallel test file never runs half a bundle.
        fs.renameSync(partial, outfile)
        return outfile
      })(),
    )
  return bundles.get(outfile)
}

/**
 * Runs a CLI exactly as its npm script does (`npm run create-user` and the like: TypeScript through tsx),
 * for the tests whose subject is the CLI as an operator runs it.
 */
export const runScriptAsNpmDoes = (script, args, env) =>
  runNode([...NODE_ARGS, '--import', 'tsx', script, ...args], env)

/** Runs a TypeScript project script (e.g. src/cli/createUser.ts) to completion, from its cached bundle. */
export const runScript = async (script, args, env) =>
  runNode([...NODE_ARGS, await bundledScript(script), ...args], env)

/** Runs `npm start`'s entry point to completion (for start-ups that must fail). */
export const runStart = (env) => runNode(START_ARGS, env)

const runNode = (nodeArgs, env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: PROJECT_ROOT, env: childEnv(env) })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

/** Every test signs in from 127.0.0.1 many times a minute; the rate-limit tests set their own limits. */
const TEST_RATE_LIMITS = { KAIJI_RATE_LIMIT_LOGIN: 'off', KAIJI_RATE_LIMIT_PUBLIC: 'off' }

/**
 * Starts the real server (`npm start`: builds if needed, then the bundled server) on a free loopback port and resolves once it
 * says where it listens; rejects with its output if it exits first. The delivery-only public site is off unless
 * `env.KAIJI_PUBLIC_PORT` asks for it (parallel servers would race for its default port); when on, `publicURL` is its address.
 * Rate limits are off unless `env` sets them. Without a `dataDir`, it makes one (named after `label`).
 * The handle: `child` and `pid`, `baseURL`, `publicURL`, `dataDir`, `logs()` (stdout and stderr so far) and
 * `stop({ removeData })` (SIGTERM, then SIGKILL after 5 s; removes the data directory when asked).
 */
export const startServer = ({ dataDir, label = 'server', env = {}, timeoutMs = 300_000 } = {}) =>
  new Promise((resolve, reject) => {
    const dir = dataDir ?? makeDataDir(label)
    const child = spawn(process.execPath, START_ARGS, {
      cwd: PROJECT_ROOT,
      env: childEnv({
        PORT: '0',
        KAIJI_DATA_DIR: dir,
        KAIJI_PUBLIC_PORT: 'off',
        ...TEST_RATE_LIMITS,
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const withPublicSite = (env.KAIJI_PUBLIC_PORT ?? 'off') !== 'off'
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk) => {
      output += chunk
      const main = /Kaiji is serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      const publicSite = /Public site \(delivery only\) on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (main && (publicSite || !withPublicSite)) {
        clearTimeout(timer)
        resolve({
          child,
          pid: child.pid ?? 0,
          baseURL: main[1],
          publicURL: publicSite?.[1] ?? null,
          dataDir: dir,
          logs: () => output,
          stop: async ({ removeData = false } = {}) => {
            await stopServer(child)
            if (removeData) fs.rmSync(dir, { recursive: true, force: true })
          },
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })

/** Stops a server child (a handle's stop() calls this): SIGTERM, then SIGKILL after 5 s. */
export const stopServer = (child) =>
  new Promise((resolve) => {
    // A child that died of a signal (say SIGKILL) has signalCode set and exitCode null, and will not exit again.
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
  })
