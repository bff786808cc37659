import fs from 'node:fs/promises'
import path from 'node:path'

import type { DeliveryService } from './deliveryService'
import { COMPRESSED_SUFFIXES, exportFileOf, redirectFileOf } from './exportLayout'
import { sitePublicPaths } from './publicPaths'
import type { Representation } from './responses'

export class StaticExportError extends Error {
  override name = 'StaticExportError'
}

export type ExportStats = {
  /** Public paths written (each as a file and its .br and .gz siblings). */
  paths: number
  redirects: number
  /** Every file written: documents, their compressed siblings and the redirect markers. */
  files: number
  bytes: number
  /** When the answers change next without a write (an announced release's effective date), or Infinity. */
  nextChangeAt: number
}

export const describeExport = (stats: ExportStats): string =>
  `${stats.paths} paths and ${stats.redirects} redirects, ${stats.files} files, ${stats.bytes} bytes`

/** Paths answered at once: enough to overlap reads with compressing, few enough to leave the server its core. */
const CONCURRENCY = 4

const headerOf = ({ headers }: Representation, name: string): string | null => {
  for (let index = 0; index < headers.length; index += 2)
    if (headers[index]?.toLowerCase() === name.toLowerCase()) return headers[index + 1] ?? null
  return null
}

const inParallel = async <T>(items: readonly T[], work: (item: T) => Promise<void>) => {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
}

/**
 * Writes the whole public site under `root` (an empty folder): every path that answers 200, from the
 * delivery service's own answers (the same bytes the public site sends, so the same cache), with
 * .br and .gz siblings holding its compressed answers, and a marker for each redirect. Each file's
 * modification time is the answer's Last-Modified, which nginx then sends. Refuses, naming the
 * path, when an answer is not the one the path list expects (releases changed meanwhile).
 */
export const writeStaticExport = async (
  delivery: DeliveryService,
  root: string,
): Promise<ExportStats> => {
  const timelines = await delivery.timelines()
  const { ok, redirects } = sitePublicPaths(timelines)
  let files = 0
  let bytes = 0
  const write = async (file: string, body: Buffer | string, modified: Date | null) => {
    const target = path.join(root, file)
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o755 })
    await fs.writeFile(target, body, { mode: 0o644 })
    if (modified) await fs.utimes(target, modified, modified)
    files += 1
    bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.length
  }

  await inParallel(ok, async (publicPath) => {
    const { status, representations } = await delivery.prepared(publicPath)
    const { identity, br, gzip } = representations
    if (status !== 200 || !br || !gzip)
      throw new StaticExportError(
        `The public site answered ${publicPath} with ${status}${status === 200 ? ' uncompressed' : ''}, not the 200 the export expected; the releases changed meanwhile.`,
      )
    const file = exportFileOf(publicPath, headerOf(identity, 'Content-Type') ?? '')
    const lastModified = headerOf(identity, 'Last-Modified')
    const modified = lastModified ? new Date(lastModified) : null
    await write(file, identity.body, modified)
    await write(`${file}${COMPRESSED_SUFFIXES.br}`, br.body, modified)
    await write(`${file}${COMPRESSED_SUFFIXES.gzip}`, gzip.body, modified)
  })
  await inParallel(redirects, async ({ from, to }) => {
    const { status, representations } = await delivery.prepared(from)
    const location = headerOf(representations.identity, 'Location')
    if (status !== 301 || location !== to)
      throw new StaticExportError(
        `The public site answered ${from} with ${status}${location ? ` to ${location}` : ''}, not the redirect to ${to} the export expected; the releases changed meanwhile.`,
      )
    await write(redirectFileOf(from), location, null)
  })
  return {
    paths: ok.length,
    redirects: redirects.length,
    files,
    bytes,
    nextChangeAt: Math.min(...Object.values(timelines).map((timeline) => timeline.nextChangeAt)),
  }
}
