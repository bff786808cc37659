import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`workflow_states\` ADD \`display_title\` text;`)
  await db.run(sql`ALTER TABLE \`audit_events\` ADD \`display_title\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`workflow_states\` DROP COLUMN \`display_title\`;`)
  await db.run(sql`ALTER TABLE \`audit_events\` DROP COLUMN \`display_title\`;`)
}
