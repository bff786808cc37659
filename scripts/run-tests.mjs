#!/usr/bin/env node
/**
 * `npm test`: runs every Jest project (unit, int, e2e) and ends with one plain line,
 * "N passed, N failed", counted from Jest's JSON report. Exits non-zero on any failure, on a
 * skipped or pending test, or when no test ran.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const reportFile = path.join(root, 'test-results', 'jest.json')
fs.mkdirSync(path.dirname(reportFile), { recursive: true })
fs.rmSync(reportFile, { force: true })
fs.rmSync(path.join(root, 'test-results', 'summary.txt'), { force: true })

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '--json',
    `--outputFile=${reportFile}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-deprecation']
        .filter(Boolean)
        .join(' '),
    },
  },
)

let passed = 0
let failed
let skipped = 0
if (fs.existsSync(reportFile)) {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests + report.numRuntimeErrorTestSuites
  skipped = report.numPendingTests + report.numTodoTests
} else {
  failed = 1
}
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
fs.writeFileSync(path.join(root, 'test-results', 'summary.txt'), `${summary}\n`)
console.log(summary)
process.exit(result.status !== 0 || failed > 0 || skipped > 0 || passed === 0 ? 1 : 0)
