import { parseArgs } from 'node:util'

import { migrations } from '@migrations/index'
import { restoreSqlite } from '../backup/sqliteBackup'
import { resolveEnvironment } from '../config/environment'
import { verifyAuditTrail } from '../audit/verifyAuditTrail'
import { runCli, runFileCommand, UsageError } from './runCli'

/** Restores a backup into the empty database, then opens it and verifies the audit trail. */
void runFileCommand(async () => {
  const { values } = parseArgs({ options: { in: { type: 'string' } } })
  if (!values.in) throw new UsageError('Usage: npm run restore -- --in FILE')
  const database = resolveEnvironment()
  if (database.kind !== 'sqlite')
    throw new UsageError(
      'npm run restore writes the SQLite database; for MongoDB use mongorestore (see the README).',
    )
  const { bytes, sha256 } = await restoreSqlite(
    values.in,
    database.filePath,
    new Set(migrations.map((migration) => migration.name)),
  )
  const restored = `Restored ${values.in} into ${database.filePath} (${bytes} bytes, sha256 ${sha256}).`
  return runCli(async (payload) => {
    const { events, broken } = await verifyAuditTrail(payload)
    if (broken)
      throw new UsageError(
        `${restored} But the audit trail is BROKEN at event ${broken.id}: ${broken.problem}.`,
      )
    return `${restored} Audit trail intact: ${events} events.`
  })
})
