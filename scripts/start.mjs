#!/usr/bin/env node
// `npm start`: builds when no build of the current sources exists, then runs the bundled server.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { buildIsCurrent, SERVER_BUNDLE } from '../src/server/buildFingerprint.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

const runTypeScript = (script) =>
  spawnSync(
    process.execPath,
    ['--conditions=production', '--no-deprecation', '--import', 'tsx', script],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ).status

if (!buildIsCurrent(root)) {
  // Refuse a bad environment (or an unreachable MongoDB) now, not after minutes of building.
  if (runTypeScript('src/cli/preflight.ts') !== 0) process.exit(1)
  process.stdout.write('[kaiji] No build of the current sources: building (a minute or two)…\n')
  if (runTypeScript('src/cli/build.ts') !== 0) {
    process.stderr.write('[kaiji] The build failed; see above.\n')
    process.exit(1)
  }
}

await import(pathToFileURL(path.join(root, SERVER_BUNDLE)).href)
