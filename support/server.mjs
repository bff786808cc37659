import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Starting and stopping the real server and running the CLIs, for the tests and the benchmarks alike.
 * Every test that starts a server goes through startServer.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const NODE_ARGS = ['--conditions=production', '--no-deprecation', '--import', 'tsx']
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

/** Runs a TypeScript project script (e.g. src/cli/createUser.ts) to completion. */
export const runScript = (script, args, env) => runNode([...NODE_ARGS, script, ...args], env)

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
