import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { buildIsCurrent, recordBuildFingerprint } from './buildFingerprint'
import { startupLog } from './logger'

/** Generates the import map, then runs `next build`, and records what was built. */
export const build = (root: string): void => {
  // Building evaluates the Payload config under NODE_ENV=production, which demands a secret; the
  // build never signs anything, so a throwaway one serves (a Docker build stage has no real one).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? randomBytes(32).toString('hex'),
  }
  const run = (bin: string, args: string[]) => {
    // Lexical's "node" entry points use top-level await, which Node 20 can deadlock on.
    const result = spawnSync(process.execPath, ['--conditions=production', '--no-deprecation', bin, ...args], {
      cwd: root,
      stdio: 'inherit',
      env,
    })
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
  }
  run(path.join(root, 'node_modules/payload/bin.js'), ['generate:importmap'])
  run(path.join(root, 'node_modules/next/dist/bin/next'), ['build'])
  recordBuildFingerprint(root)
}

/** Builds unless a build of the current sources exists. */
export const ensureBuild = (root: string): void => {
  if (buildIsCurrent(root)) return
  startupLog('No build of the current sources: building the admin (this takes a minute or two)…')
  build(root)
}
