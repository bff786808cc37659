import { SOURCE_LOCALE } from '../config/locales'
import type { ImportedFrom } from './types'

/** What the importer wrote as the summary before releases recorded `importedFrom` (seed/importSource.ts). */
const IMPORT_SUMMARY = /^Imported from (.+) \(sha256 ([0-9a-f]{64})\)\.$/

type Stored = {
  locale: string
  number: number
  summary: string
  importedFrom?: { file?: string | null; sha256?: string | null } | null
}

/**
 * The file a release was imported from, or null. Releases record it (`importedFrom`); the import
 * release of a database from before that field is ja release 1 with the importer's own summary,
 * recognised by exactly that (releases are never rewritten, so it is not filled in afterwards).
 */
export const importedFromOf = (release: Stored): ImportedFrom | null => {
  const { file, sha256 } = release.importedFrom ?? {}
  if (file && sha256) return { file, sha256 }
  if (release.locale !== SOURCE_LOCALE || release.number !== 1) return null
  const match = IMPORT_SUMMARY.exec(release.summary)
  return match?.[1] && match[2] ? { file: match[1], sha256: match[2] } : null
}
