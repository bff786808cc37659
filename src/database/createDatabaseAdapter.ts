import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { projectPath } from '../config/paths'
import { MONGODB_SERVER_SELECTION_TIMEOUT_MS } from './assertMongoReachable'
import type { DatabaseTarget } from './databaseUrl'

export const createDatabaseAdapter = (target: DatabaseTarget): DatabaseAdapterObj => {
  if (target.kind === 'mongodb') {
    return mongooseAdapter({
      url: target.url,
      connectOptions: {
        serverSelectionTimeoutMS: MONGODB_SERVER_SELECTION_TIMEOUT_MS,
        connectTimeoutMS: MONGODB_SERVER_SELECTION_TIMEOUT_MS,
      },
    })
  }
  fs.mkdirSync(path.dirname(target.filePath), { recursive: true })
  return sqliteAdapter({
    client: { url: target.url },
    migrationDir: projectPath('migrations'),
    // The schema only changes through the files in migrations/, in every mode, so dev push and
    // migrations never mix on one database.
    push: false,
    // Workflow actions write a state change and its audit event together.
    transactionOptions: {},
    // SQLite AUTOINCREMENT: a deleted row's id is never handed out again, so nothing keyed by an id (workflow
    // states, editor lists, releases, the audit trail) can pass to a newer document or user.
    autoIncrement: true,
    busyTimeout: 5_000,
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
  })
}
