import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`workflow_states\` ADD \`source_hash\` text;`)
  await db.run(sql`ALTER TABLE \`workflow_states\` ADD \`source_content\` text;`)
  await db.run(sql`ALTER TABLE \`workflow_states\` ADD \`approved_source_hash\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`workflow_states\` DROP COLUMN \`source_hash\`;`)
  await db.run(sql`ALTER TABLE \`workflow_states\` DROP COLUMN \`source_content\`;`)
  await db.run(sql`ALTER TABLE \`workflow_states\` DROP COLUMN \`approved_source_hash\`;`)
}
