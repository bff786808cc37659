import { parseArgs } from 'node:util'

import { backupSqlite } from '../backup/sqliteBackup'
import { resolveEnvironment } from '../config/environment'
import { runFileCommand, UsageError } from './runCli'

void runFileCommand(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  if (!values.out) throw new UsageError('Usage: npm run backup -- --out FILE')
  const database = resolveEnvironment()
  if (database.kind !== 'sqlite')
    throw new UsageError(
      'npm run backup copies the SQLite database; for MongoDB use mongodump (see the README).',
    )
  const { bytes, sha256 } = await backupSqlite(database.filePath, values.out)
  return `Backup written: ${values.out} (${bytes} bytes, sha256 ${sha256}).`
})
