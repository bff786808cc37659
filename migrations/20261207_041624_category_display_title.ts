import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`partner_categories\` ADD \`display_title\` text;`)
  await db.run(sql`ALTER TABLE \`_partner_categories_v\` ADD \`version_display_title\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`partner_categories\` DROP COLUMN \`display_title\`;`)
  await db.run(sql`ALTER TABLE \`_partner_categories_v\` DROP COLUMN \`version_display_title\`;`)
}
