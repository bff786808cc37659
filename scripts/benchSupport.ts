/**
 * What the benchmark scripts share: output, the processes and temporary directories a run started
 * (stopped and removed at the end, on an error and on Ctrl-C); process figures come from support/processes.ts.
 */
import fs from 'node:fs'
import os from 'node:os'

import { childrenOf } from '@support/processes'

export const log = (line: string) => process.stdout.write(`${line}\n`)
export const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
export const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'never'

export const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** A Markdown table; columns marked `right` are right-aligned (numbers). */
export const printTable = (
  columns: Array<{ title: string; right?: boolean }>,
  rows: string[][],
) => {
  log(`| ${columns.map((column) => column.title).join(' | ')} |`)
  log(`|${columns.map((column) => (column.right ? '---:' : '---')).join('|')}|`)
  for (const row of rows) log(`| ${row.join(' | ')} |`)
}

const cleanups: Array<() => Promise<void>> = []
const tempDirs: string[] = []

/** A step for the end of the run (stopping something this run started); steps run newest first. */
export const onCleanup = (step: () => Promise<void>) => {
  cleanups.push(step)
}
/** A directory removed at the end of the run, after every cleanup step. */
export const removeAtEnd = (dir: string) => {
  tempDirs.push(dir)
}

const childPids = () => childrenOf(process.pid)

const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

/** Children still running after the orderly stops (a CLI or a server interrupted mid-start, a wrk run): SIGTERM, then SIGKILL. */
const stopStrayChildren = async () => {
  const waitForNone = async (ms: number) => {
    const deadline = Date.now() + ms
    while (childPids().length && Date.now() < deadline) await sleep(50)
  }
  for (const pid of childPids()) signal(pid, 'SIGTERM')
  await waitForNone(5_000)
  for (const pid of childPids()) signal(pid, 'SIGKILL')
  await waitForNone(1_000)
}

/** Stops what this run started (newest first), then removes its temporary directories. */
const stopAndRemove = async () => {
  for (const step of [...cleanups.splice(0).reverse(), stopStrayChildren]) {
    try {
      await step()
    } catch (error) {
      process.stderr.write(`cleanup: ${error instanceof Error ? error.message : String(error)}\n`)
    }
  }
  for (const dir of tempDirs.splice(0))
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
}
let cleaning: Promise<void> | undefined
const cleanUp = () => (cleaning ??= stopAndRemove())

/**
 * Runs a benchmark's `main`, then cleans up and exits: 0 when it ran (whatever the figures), 1 when it
 * could not, 130 on SIGINT/SIGTERM.
 */
export const runBench = (main: () => Promise<void>) => {
  let interrupted = false
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    process.once(name, () => {
      interrupted = true
      process.stderr.write(`${name}: stopping what the benchmark started\n`)
      void cleanUp().finally(() => process.exit(130))
    })
  }
  main()
    .then(cleanUp)
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      if (!interrupted)
        process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
      await cleanUp()
      process.exit(1)
    })
}
