import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { SOURCE_LOCALE } from '@/config/locales'
import { projectPath } from '@/config/paths'
import { publishRelease } from '@/releases/publish'
import { latestRelease } from '@/releases/releaseStore'
import { decodeSource, parseSource, SourceFormatError } from './parseSource'
import { seed, type SeedReport } from './seed'

export const DEFAULT_SOURCE_FILE = projectPath('seed/source/zenly-partners.ja.txt')

/** Reads and parses the file before touching the database, then imports it in one transaction. */
export const importSourceFile = async ({
  payload,
  file = DEFAULT_SOURCE_FILE,
  actor,
}: {
  payload: Payload
  file?: string
  actor: string
}): Promise<SeedReport> => {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new SourceFormatError(file, 0, `cannot read the source file: ${reason}`)
  }
  const source = parseSource(decodeSource(bytes, file), file)

  const req = await createLocalReq({}, payload)
  const ownsTransaction = await initTransaction(req)
  const provenance = {
    at: new Date().toISOString(),
    by: actor,
    sourceFile: path.basename(file),
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
  }
  try {
    const report = await seed({ payload, req, source, provenance })
    // The imported page is the one already public: it becomes ja release 1, with immediate effect.
    if (!(await latestRelease(payload, SOURCE_LOCALE, req))) {
      const release = await publishRelease(payload, req, {
        locale: SOURCE_LOCALE,
        summary: `Imported from ${provenance.sourceFile} (sha256 ${provenance.sourceSha256}).`,
        changeType: 'editorial',
        publisher: { id: null, label: actor },
        importedFrom: { file: provenance.sourceFile, sha256: provenance.sourceSha256 },
      })
      report.releasePublished = release.number
    }
    if (ownsTransaction) await commitTransaction(req)
    return report
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}

export const describeSeedReport = (report: SeedReport): string => {
  const parts = [
    report.created.length
      ? `created ${report.created.length} categories (${report.created.join(', ')})`
      : '',
    report.updated.length
      ? `updated ${report.updated.length} categories (${report.updated.join(', ')})`
      : '',
    report.pageUpdated ? 'updated the partners page' : '',
  ].filter(Boolean)
  const summary = parts.length
    ? `Imported: ${parts.join('; ')}.`
    : `Nothing to change: the ja content already matches the source (${report.unchanged.length} categories and the page).`
  const extra = report.notInSource.length
    ? ` Kept ${report.notInSource.length} categories the source does not list: ${report.notInSource.join(', ')}.`
    : ''
  const release = report.releasePublished ? ` Published ja release ${report.releasePublished}.` : ''
  return summary + extra + release
}
