import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { build as bundle } from 'esbuild'

import { childEnvironment } from '../config/settings'
import { BUNDLE_OPTIONS } from './bundleOptions.mjs'
import { recordBuildFingerprint, SERVER_BUNDLE } from './buildFingerprint.mjs'

/** dist/cli/<name>.mjs, named as the npm scripts are (`audit:verify` → audit-verify). */
const CLI_BUNDLES = {
  'create-user': 'src/cli/createUser.ts',
  seed: 'src/cli/seed.ts',
  'audit-verify': 'src/cli/auditVerify.ts',
  backup: 'src/cli/backup.ts',
  restore: 'src/cli/restore.ts',
}

/**
 * The admin (import map, then `next build`) and the server, bundled with esbuild into one ES module
 * whose packages stay in node_modules: `npm start` then runs plain JavaScript, without a TypeScript
 * loader in the long-running process (it costs about 45 MB of resident memory).
 */
export const build = async (root: string): Promise<void> => {
  // Building evaluates the Payload config under NODE_ENV=production, which demands a secret; the
  // build never signs anything, so a throwaway one serves (a Docker build stage has no real one).
  const env = childEnvironment(
    { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    { PAYLOAD_SECRET: randomBytes(32).toString('hex') },
  )
  const run = (bin: string, args: string[]) => {
    // Lexical's "node" entry points use top-level await, which Node 20 (not 24) deadlocks on.
    const result = spawnSync(
      process.execPath,
      ['--conditions=production', '--no-deprecation', bin, ...args],
      {
        cwd: root,
        stdio: 'inherit',
        env,
      },
    )
    if (result.status !== 0)
      throw new Error(`${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
  }
  run(path.join(root, 'node_modules/payload/bin.js'), ['generate:importmap'])
  run(path.join(root, 'node_modules/next/dist/bin/next'), ['build'])
  const bundleOptions = { ...BUNDLE_OPTIONS, absWorkingDir: root, sourcemap: true }
  await bundle({ ...bundleOptions, entryPoints: ['src/server/main.ts'], outfile: SERVER_BUNDLE })
  // The CLIs too, so the Docker image (which holds no sources and no TypeScript loader) runs them.
  await bundle({
    ...bundleOptions,
    entryPoints: CLI_BUNDLES,
    outdir: path.join(path.dirname(SERVER_BUNDLE), 'cli'),
    outExtension: { '.js': '.mjs' },
  })
  recordBuildFingerprint(root)
}
