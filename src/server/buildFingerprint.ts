import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Everything the Next build compiles or depends on; a change to any of these means a rebuild. */
const BUILD_INPUTS = ['src', 'collections', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']

const listFiles = (entry: string): string[] => {
  if (!fs.existsSync(entry)) return []
  const stat = fs.statSync(entry)
  if (stat.isFile()) return [entry]
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)))
}

export const computeBuildFingerprint = (root: string): string => {
  const hash = createHash('sha256')
  for (const input of BUILD_INPUTS) {
    for (const file of listFiles(path.join(root, input))) {
      hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0')
    }
  }
  return hash.digest('hex')
}

export const FINGERPRINT_FILE = path.join('.next', 'kaiji-build-fingerprint')

export const buildIsCurrent = (root: string): boolean => {
  try {
    const recorded = fs.readFileSync(path.join(root, FINGERPRINT_FILE), 'utf8').trim()
    return fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && recorded === computeBuildFingerprint(root)
  } catch {
    return false
  }
}

export const recordBuildFingerprint = (root: string): void => {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), `${computeBuildFingerprint(root)}\n`)
}
