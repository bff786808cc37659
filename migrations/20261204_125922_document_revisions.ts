import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`partner_categories_locales\` ADD \`revision\` numeric DEFAULT 0;`)
  await db.run(
    sql`ALTER TABLE \`_partner_categories_v_locales\` ADD \`version_revision\` numeric DEFAULT 0;`,
  )
  await db.run(sql`ALTER TABLE \`partners_page_locales\` ADD \`revision\` numeric DEFAULT 0;`)
  await db.run(
    sql`ALTER TABLE \`_partners_page_v_locales\` ADD \`version_revision\` numeric DEFAULT 0;`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`partner_categories_locales\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`_partner_categories_v_locales\` DROP COLUMN \`version_revision\`;`)
  await db.run(sql`ALTER TABLE \`partners_page_locales\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`_partners_page_v_locales\` DROP COLUMN \`version_revision\`;`)
}
