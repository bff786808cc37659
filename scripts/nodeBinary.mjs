// A given Node.js release as a plain binary, from the npm registry's node-<platform>-<arch> package,
// unpacked once into node_modules/.cache/kaiji-node (inside the clone, never committed).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** The Node 24 release the runtime checks use; the Dockerfile's base image follows the same major. */
export const NODE_24 = '24.22.3'

const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

export const nodeCacheDirectory = () =>
  path.join(PROJECT_ROOT, 'node_modules', '.cache', 'kaiji-node')

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stderr}`,
    )
  }
  return result.stdout
}

/** The path of the `node` binary of `version`, fetched on first use. */
export const ensureNodeBinary = (version) => {
  const target = path.join(nodeCacheDirectory(), `node-${version}`)
  const binary = path.join(target, 'bin', 'node')
  if (!fs.existsSync(binary)) {
    const pkg = `node-${process.platform}-${process.arch}@${version}`
    process.stderr.write(`[node ${version}] fetching ${pkg} (about 50 MB, once)…\n`)
    fs.mkdirSync(nodeCacheDirectory(), { recursive: true })
    const work = fs.mkdtempSync(path.join(nodeCacheDirectory(), '.fetch-'))
    try {
      const [packed] = JSON.parse(run('npm', ['pack', pkg, '--json', '--pack-destination', work]))
      run('tar', ['-xzf', path.join(work, packed.filename), '-C', work])
      fs.renameSync(path.join(work, 'package'), target)
    } finally {
      fs.rmSync(work, { recursive: true, force: true })
    }
  }
  const reported = run(binary, ['--version']).trim()
  if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported}, not v${version}`)
  return binary
}

/** The environment for a child that must find `version` as `node` first on PATH. */
export const envWithNode = (binary, env = process.env) => ({
  ...env,
  PATH: [path.dirname(binary), env.PATH].filter(Boolean).join(path.delimiter),
})
