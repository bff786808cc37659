import path from 'node:path'
import { parseArgs } from 'node:util'

import { DEFAULT_SOURCE_FILE, describeSeedReport, importSourceFile } from '@seed/importSource'
import { runCli } from './runCli'

const { values } = parseArgs({ options: { file: { type: 'string' } } })
const file = values.file ? path.resolve(values.file) : DEFAULT_SOURCE_FILE

void runCli(async (payload) =>
  describeSeedReport(
    await importSourceFile({ payload, file, actor: 'seed import (npm run seed)' }),
  ),
)
