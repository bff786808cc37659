// Plain JavaScript: `npm start` runs it before anything is compiled.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Everything the build compiles or depends on; a change to any of these means a rebuild. */
const BUILD_INPUTS = [
  'src',
  'collections',
  'seed',
  'migrations',
  'next.config.mjs',
  'tsconfig.json',
  'package-lock.json',
]

export const FINGERPRINT_FILE = path.join('.next', 'kaiji-build-fingerprint')
export const SERVER_BUNDLE = path.join('dist', 'server.mjs')

const listFiles = (entry) => {
  if (!fs.existsSync(entry)) return []
  if (fs.statSync(entry).isFile()) return [entry]
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)))
}

export const computeBuildFingerprint = (root) => {
  const hash = createHash('sha256')
  for (const input of BUILD_INPUTS) {
    for (const file of listFiles(path.join(root, input))) {
      hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0')
    }
  }
  return hash.digest('hex')
}

export const buildIsCurrent = (root) => {
  try {
    const recorded = fs.readFileSync(path.join(root, FINGERPRINT_FILE), 'utf8').trim()
    return (
      fs.existsSync(path.join(root, '.next', 'BUILD_ID')) &&
      fs.existsSync(path.join(root, SERVER_BUNDLE)) &&
      recorded === computeBuildFingerprint(root)
    )
  } catch {
    return false
  }
}

export const recordBuildFingerprint = (root) => {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), `${computeBuildFingerprint(root)}\n`)
}
