#!/usr/bin/env node
/**
 * `npm run test:node24 [-- <jest args>]`: the README's test command (`npm test`) on another Node
 * release, fetched as a plain binary from the npm registry into node_modules/.cache/kaiji-node
 * (scripts/nodeBinary.mjs) and put first on PATH, so every child process (Jest, `npm start`, the
 * build, the CLIs) runs on it. `--node VERSION` picks another release (default: NODE_24).
 *
 * The build fingerprint is dropped first, so the server the tests start is built by that release
 * too (`--reuse-build` keeps a current build); the next `npm start` on another release reuses the
 * build (the fingerprint covers sources only).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { FINGERPRINT_FILE } from '../src/server/buildFingerprint.mjs'
import { ensureNodeBinary, envWithNode, NODE_24 } from './nodeBinary.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

const args = process.argv.slice(2)
const reuseBuild = args.includes('--reuse-build')
const at = args.indexOf('--node')
const version = at === -1 ? NODE_24 : args[at + 1]
if (!version) throw new Error('--node needs a version, e.g. --node 22.22.0')
const jestArgs = args.filter(
  (arg, index) => arg !== '--reuse-build' && (at === -1 || (index !== at && index !== at + 1)),
)

const node = ensureNodeBinary(version)
if (!reuseBuild) fs.rmSync(path.join(root, FINGERPRINT_FILE), { force: true })
process.stdout.write(`[node ${version}] npm test ${jestArgs.join(' ')} (with ${node})\n`)

const started = Date.now()
const result = spawnSync(node, [path.join(root, 'scripts/run-tests.mjs'), ...jestArgs], {
  cwd: root,
  stdio: 'inherit',
  env: envWithNode(node),
})
const summaryFile = path.join(root, 'test-results', 'summary.txt')
const summary = fs.existsSync(summaryFile)
  ? fs.readFileSync(summaryFile, 'utf8').trim()
  : '0 passed, 1 failed (no summary)'
const minutes = ((Date.now() - started) / 60_000).toFixed(1)
process.stdout.write(`[node ${version}] ${summary} in ${minutes} min\n`)
process.exit(result.status ?? 1)
