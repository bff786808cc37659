import path from 'node:path'
import { parseArgs } from 'node:util'

import { settings } from '../config/settings'
import { createDeliveryService } from '../delivery/deliveryService'
import { checkExportTarget, replaceExportTree } from '../delivery/exportDirectory'
import { describeExport, writeStaticExport } from '../delivery/staticExport'
import { runCli, runFileCommand, UsageError } from './runCli'

const USAGE = 'Usage: npm run export -- --out DIR [--public-url URL]'

const parsed = () => {
  try {
    return parseArgs({ options: { out: { type: 'string' }, 'public-url': { type: 'string' } } })
      .values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
}

/** The feeds' links are absolute: they name where the export will be served, never a guess. */
const publicUrlOf = (given: string | undefined): string => {
  const value = given ?? settings().publicUrl
  if (!value)
    throw new UsageError(
      'The Atom feeds link with absolute URLs: give the address the export will be served at with --public-url https://partners.example.com, or set KAIJI_PUBLIC_URL.',
    )
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    // named below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw new UsageError(
      `--public-url ${JSON.stringify(value)} must be an absolute http:// or https:// URL, e.g. https://partners.example.com`,
    )
  return value.replace(/\/+$/, '')
}

/**
 * Writes the whole public site, every locale, as files (with .br and .gz siblings) for nginx, an
 * object store or a CDN: DIR becomes a link to the new tree, swapped in whole (see README). The bytes
 * are the public site's own, from the same delivery code; the database is only read.
 */
void runFileCommand(async () => {
  const values = parsed()
  if (!values.out) throw new UsageError(USAGE)
  const target = path.resolve(values.out)
  await checkExportTarget(target)
  const publicUrl = publicUrlOf(values['public-url'])
  return runCli(
    async (payload) => {
      const delivery = createDeliveryService(payload, () => publicUrl)
      const stats = await replaceExportTree(target, (folder) => writeStaticExport(delivery, folder))
      return `Static export written to ${target}: ${describeExport(stats)}.`
    },
    { migrate: false },
  )
})
