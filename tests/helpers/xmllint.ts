import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { PROJECT_ROOT } from '@support/server.mjs'

/** Runs Debian's xmllint (libxml2-utils) on `input`; a missing binary fails the test rather than skipping it. */
export const xmllint = (
  args: readonly string[],
  input: string,
  env: NodeJS.ProcessEnv = process.env,
) => {
  const result = spawnSync('xmllint', [...args, '-'], { input, encoding: 'utf8', env })
  if (result.error)
    throw new Error(
      `xmllint did not run (apt-get install -y libxml2-utils): ${result.error.message}`,
    )
  return result
}

const SCHEMAS = path.join(PROJECT_ROOT, 'tests/fixtures/schemas')

/** The OASIS XLIFF schemas and their catalogs, vendored with their notices (see each folder's README.md). */
const XLIFF_SCHEMAS = {
  '2.0': { dir: path.join(SCHEMAS, 'xliff-2.0'), file: 'xliff_core_2.0.xsd' },
  '1.2': { dir: path.join(SCHEMAS, 'xliff-1.2'), file: 'xliff-core-1.2-strict.xsd' },
} as const

/** Validates against the XLIFF 2.0 core schema or the 1.2 strict schema, offline (the catalog maps xml.xsd to the local copy). */
export const validateXliff = (
  xml: string,
  version: keyof typeof XLIFF_SCHEMAS = '2.0',
): { ok: boolean; output: string } => {
  const { dir, file } = XLIFF_SCHEMAS[version]
  const schema = path.join(dir, file)
  if (!fs.existsSync(schema))
    throw new Error(
      `The XLIFF ${version} schema is missing at ${schema} (it is part of the repository).`,
    )
  const result = xmllint(['--noout', '--nonet', '--schema', schema], xml, {
    ...process.env,
    XML_CATALOG_FILES: path.join(dir, 'catalog.xml'),
  })
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() }
}

/** The TMX 1.4 DTD, vendored with where it comes from and its notice (see its README.md). */
export const TMX_DTD = path.join(PROJECT_ROOT, 'tests/fixtures/schemas/tmx-1.4b/tmx14.dtd')

/** Validates a TMX document against the TMX 1.4 DTD offline (the document itself names no DTD). */
export const validateTmx = (xml: string): { ok: boolean; output: string } => {
  if (!fs.existsSync(TMX_DTD))
    throw new Error(`The TMX DTD is missing at ${TMX_DTD} (it is part of the repository).`)
  const result = xmllint(['--noout', '--nonet', '--dtdvalid', TMX_DTD], xml)
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() }
}
