import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Turns on SQLite AUTOINCREMENT for every table (the adapter's autoIncrement option), so a deleted
 * row's id is never handed out again. SQLite cannot add AUTOINCREMENT in place: each table is rebuilt.
 *
 * The statements below are the ones migrate:create generated, but they cannot run as generated:
 * Payload runs a migration inside a transaction, where "PRAGMA foreign_keys=OFF" does nothing, so
 * dropping an old table would cascade into its children (locales, versions, relations) and delete
 * them. keepEveryRow copies every table first and puts every row back afterwards, with foreign key
 * checks deferred to the commit, which still verifies that every reference holds.
 */
type Db = MigrateUpArgs['db']

const keepEveryRow = async (db: Db, rebuild: () => Promise<void>): Promise<void> => {
  await db.run(sql`PRAGMA defer_foreign_keys=ON;`)
  const tables = (
    await db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;`,
    )
  ).map((row) => row.name)
  for (const table of tables)
    await db.run(sql.raw(`CREATE TEMP TABLE "kept_${table}" AS SELECT * FROM "${table}";`))
  await rebuild()
  for (const table of tables) await db.run(sql.raw(`DELETE FROM "${table}";`))
  for (const table of tables) {
    const columns = (
      await db.all<{ name: string }>(sql.raw(`PRAGMA temp.table_info("kept_${table}");`))
    )
      .map((column) => `"${column.name}"`)
      .join(', ')
    await db.run(
      sql.raw(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM temp."kept_${table}";`),
    )
    await db.run(sql.raw(`DROP TABLE temp."kept_${table}";`))
  }
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await keepEveryRow(db, async () => {
    await db.run(sql`CREATE TABLE \`__new_partner_categories\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`key\` text NOT NULL,
    	\`icon\` text,
    	\`order\` numeric NOT NULL,
    	\`retired\` integer DEFAULT false,
    	\`imported_at\` text,
    	\`imported_by\` text,
    	\`imported_source_file\` text,
    	\`imported_source_sha256\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_partner_categories\`("id", "key", "icon", "order", "retired", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at") SELECT "id", "key", "icon", "order", "retired", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at" FROM \`partner_categories\`;`,
    )
    await db.run(sql`DROP TABLE \`partner_categories\`;`)
    await db.run(sql`ALTER TABLE \`__new_partner_categories\` RENAME TO \`partner_categories\`;`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`partner_categories_key_idx\` ON \`partner_categories\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`partner_categories_order_idx\` ON \`partner_categories\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`partner_categories_updated_at_idx\` ON \`partner_categories\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`partner_categories_created_at_idx\` ON \`partner_categories\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__partner_categories_v\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`parent_id\` integer,
    	\`version_key\` text NOT NULL,
    	\`version_icon\` text,
    	\`version_order\` numeric NOT NULL,
    	\`version_retired\` integer DEFAULT false,
    	\`version_imported_at\` text,
    	\`version_imported_by\` text,
    	\`version_imported_source_file\` text,
    	\`version_imported_source_sha256\` text,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`partner_categories\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__partner_categories_v\`("id", "parent_id", "version_key", "version_icon", "version_order", "version_retired", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_key", "version_icon", "version_order", "version_retired", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_partner_categories_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_partner_categories_v\`;`)
    await db.run(
      sql`ALTER TABLE \`__new__partner_categories_v\` RENAME TO \`_partner_categories_v\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_parent_idx\` ON \`_partner_categories_v\` (\`parent_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_key_idx\` ON \`_partner_categories_v\` (\`version_key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_order_idx\` ON \`_partner_categories_v\` (\`version_order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_updated_at_idx\` ON \`_partner_categories_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_created_at_idx\` ON \`_partner_categories_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_created_at_idx\` ON \`_partner_categories_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_updated_at_idx\` ON \`_partner_categories_v\` (\`updated_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_releases\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`title\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`number\` numeric NOT NULL,
    	\`summary\` text NOT NULL,
    	\`change_type\` text NOT NULL,
    	\`effective_at\` text NOT NULL,
    	\`published_at\` text NOT NULL,
    	\`published_by\` text NOT NULL,
    	\`approvers\` text NOT NULL,
    	\`urgency_reason\` text,
    	\`rollback_of\` numeric,
    	\`source_release_number\` numeric,
    	\`content_hash\` text NOT NULL,
    	\`content\` text NOT NULL,
    	\`sources\` text NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_releases\`("id", "title", "locale", "number", "summary", "change_type", "effective_at", "published_at", "published_by", "approvers", "urgency_reason", "rollback_of", "source_release_number", "content_hash", "content", "sources", "updated_at", "created_at") SELECT "id", "title", "locale", "number", "summary", "change_type", "effective_at", "published_at", "published_by", "approvers", "urgency_reason", "rollback_of", "source_release_number", "content_hash", "content", "sources", "updated_at", "created_at" FROM \`releases\`;`,
    )
    await db.run(sql`DROP TABLE \`releases\`;`)
    await db.run(sql`ALTER TABLE \`__new_releases\` RENAME TO \`releases\`;`)
    await db.run(sql`CREATE INDEX \`releases_locale_idx\` ON \`releases\` (\`locale\`);`)
    await db.run(
      sql`CREATE INDEX \`releases_effective_at_idx\` ON \`releases\` (\`effective_at\`);`,
    )
    await db.run(sql`CREATE INDEX \`releases_updated_at_idx\` ON \`releases\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`releases_created_at_idx\` ON \`releases\` (\`created_at\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`locale_number_idx\` ON \`releases\` (\`locale\`,\`number\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_endpoints_events\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_endpoints_events\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`webhook_endpoints_events\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_endpoints_events\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_webhook_endpoints_events\` RENAME TO \`webhook_endpoints_events\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_events_order_idx\` ON \`webhook_endpoints_events\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_events_parent_idx\` ON \`webhook_endpoints_events\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_endpoints_for_locales\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_endpoints_for_locales\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`webhook_endpoints_for_locales\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_endpoints_for_locales\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_webhook_endpoints_for_locales\` RENAME TO \`webhook_endpoints_for_locales\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_for_locales_order_idx\` ON \`webhook_endpoints_for_locales\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_for_locales_parent_idx\` ON \`webhook_endpoints_for_locales\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_endpoints\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text NOT NULL,
    	\`url\` text NOT NULL,
    	\`secret\` text NOT NULL,
    	\`active\` integer DEFAULT true,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_endpoints\`("id", "name", "url", "secret", "active", "updated_at", "created_at") SELECT "id", "name", "url", "secret", "active", "updated_at", "created_at" FROM \`webhook_endpoints\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_endpoints\`;`)
    await db.run(sql`ALTER TABLE \`__new_webhook_endpoints\` RENAME TO \`webhook_endpoints\`;`)
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_updated_at_idx\` ON \`webhook_endpoints\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_created_at_idx\` ON \`webhook_endpoints\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_deliveries\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`dedupe_key\` text NOT NULL,
    	\`endpoint_id\` integer NOT NULL,
    	\`event\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`release_number\` numeric NOT NULL,
    	\`status\` text DEFAULT 'pending' NOT NULL,
    	\`attempts\` numeric DEFAULT 0 NOT NULL,
    	\`body\` text NOT NULL,
    	\`log\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_deliveries\`("id", "dedupe_key", "endpoint_id", "event", "locale", "release_number", "status", "attempts", "body", "log", "updated_at", "created_at") SELECT "id", "dedupe_key", "endpoint_id", "event", "locale", "release_number", "status", "attempts", "body", "log", "updated_at", "created_at" FROM \`webhook_deliveries\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
    await db.run(sql`ALTER TABLE \`__new_webhook_deliveries\` RENAME TO \`webhook_deliveries\`;`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`webhook_deliveries_dedupe_key_idx\` ON \`webhook_deliveries\` (\`dedupe_key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_deliveries_endpoint_idx\` ON \`webhook_deliveries\` (\`endpoint_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_users_assigned_locales\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users_assigned_locales\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`users_assigned_locales\`;`,
    )
    await db.run(sql`DROP TABLE \`users_assigned_locales\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_users_assigned_locales\` RENAME TO \`users_assigned_locales\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`users_assigned_locales_order_idx\` ON \`users_assigned_locales\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`users_assigned_locales_parent_idx\` ON \`users_assigned_locales\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_users\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text,
    	\`role\` text DEFAULT 'legal-editor' NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`email\` text NOT NULL,
    	\`reset_password_token\` text,
    	\`reset_password_expiration\` text,
    	\`salt\` text,
    	\`hash\` text,
    	\`reset_password_requested_at\` text,
    	\`login_attempts\` numeric DEFAULT 0,
    	\`lock_until\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users\`("id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`,
    )
    await db.run(sql`DROP TABLE \`users\`;`)
    await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
    await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
    await db.run(sql`CREATE TABLE \`__new_workflow_states\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`key\` text NOT NULL,
    	\`subject\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`state\` text DEFAULT 'draft' NOT NULL,
    	\`approved_hash\` text,
    	\`approved_content\` text,
    	\`approved_at\` text,
    	\`approved_by\` text,
    	\`edited_since_approval\` text,
    	\`last_action\` text,
    	\`source_hash\` text,
    	\`source_content\` text,
    	\`approved_source_hash\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_workflow_states\`("id", "key", "subject", "locale", "state", "approved_hash", "approved_content", "approved_at", "approved_by", "edited_since_approval", "last_action", "source_hash", "source_content", "approved_source_hash", "updated_at", "created_at") SELECT "id", "key", "subject", "locale", "state", "approved_hash", "approved_content", "approved_at", "approved_by", "edited_since_approval", "last_action", "source_hash", "source_content", "approved_source_hash", "updated_at", "created_at" FROM \`workflow_states\`;`,
    )
    await db.run(sql`DROP TABLE \`workflow_states\`;`)
    await db.run(sql`ALTER TABLE \`__new_workflow_states\` RENAME TO \`workflow_states\`;`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`workflow_states_key_idx\` ON \`workflow_states\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`workflow_states_subject_idx\` ON \`workflow_states\` (\`subject\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`workflow_states_updated_at_idx\` ON \`workflow_states\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`workflow_states_created_at_idx\` ON \`workflow_states\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_audit_events\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`at\` text NOT NULL,
    	\`actor_id\` text,
    	\`actor_label\` text NOT NULL,
    	\`action\` text NOT NULL,
    	\`subject\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`from_state\` text,
    	\`to_state\` text,
    	\`reason\` text,
    	\`content_hash\` text,
    	\`previous_hash\` text NOT NULL,
    	\`hash\` text NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_audit_events\`("id", "at", "actor_id", "actor_label", "action", "subject", "locale", "from_state", "to_state", "reason", "content_hash", "previous_hash", "hash", "updated_at", "created_at") SELECT "id", "at", "actor_id", "actor_label", "action", "subject", "locale", "from_state", "to_state", "reason", "content_hash", "previous_hash", "hash", "updated_at", "created_at" FROM \`audit_events\`;`,
    )
    await db.run(sql`DROP TABLE \`audit_events\`;`)
    await db.run(sql`ALTER TABLE \`__new_audit_events\` RENAME TO \`audit_events\`;`)
    await db.run(sql`CREATE INDEX \`audit_events_at_idx\` ON \`audit_events\` (\`at\`);`)
    await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
    await db.run(sql`CREATE INDEX \`audit_events_subject_idx\` ON \`audit_events\` (\`subject\`);`)
    await db.run(sql`CREATE INDEX \`audit_events_locale_idx\` ON \`audit_events\` (\`locale\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`audit_events_hash_idx\` ON \`audit_events\` (\`hash\`);`)
    await db.run(
      sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`key\` text NOT NULL,
    	\`data\` text NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_kv\`("id", "key", "data") SELECT "id", "key", "data" FROM \`payload_kv\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_kv\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
    await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`global_slug\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_locked_documents\`("id", "global_slug", "updated_at", "created_at") SELECT "id", "global_slug", "updated_at", "created_at" FROM \`payload_locked_documents\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`key\` text,
    	\`value\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_preferences\`("id", "key", "value", "updated_at", "created_at") SELECT "id", "key", "value", "updated_at", "created_at" FROM \`payload_preferences\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_preferences\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`name\` text,
    	\`batch\` numeric,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_migrations\`("id", "name", "batch", "updated_at", "created_at") SELECT "id", "name", "batch", "updated_at", "created_at" FROM \`payload_migrations\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_migrations\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_partners_page\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`imported_at\` text,
    	\`imported_by\` text,
    	\`imported_source_file\` text,
    	\`imported_source_sha256\` text,
    	\`updated_at\` text,
    	\`created_at\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_partners_page\`("id", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at") SELECT "id", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at" FROM \`partners_page\`;`,
    )
    await db.run(sql`DROP TABLE \`partners_page\`;`)
    await db.run(sql`ALTER TABLE \`__new_partners_page\` RENAME TO \`partners_page\`;`)
    await db.run(sql`CREATE TABLE \`__new__partners_page_v\` (
    	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    	\`version_imported_at\` text,
    	\`version_imported_by\` text,
    	\`version_imported_source_file\` text,
    	\`version_imported_source_sha256\` text,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__partners_page_v\`("id", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_partners_page_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_partners_page_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__partners_page_v\` RENAME TO \`_partners_page_v\`;`)
    await db.run(
      sql`CREATE INDEX \`_partners_page_v_created_at_idx\` ON \`_partners_page_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partners_page_v_updated_at_idx\` ON \`_partners_page_v\` (\`updated_at\`);`,
    )
  })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await keepEveryRow(db, async () => {
    await db.run(sql`CREATE TABLE \`__new_partner_categories\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`key\` text NOT NULL,
    	\`icon\` text,
    	\`order\` numeric NOT NULL,
    	\`retired\` integer DEFAULT false,
    	\`imported_at\` text,
    	\`imported_by\` text,
    	\`imported_source_file\` text,
    	\`imported_source_sha256\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_partner_categories\`("id", "key", "icon", "order", "retired", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at") SELECT "id", "key", "icon", "order", "retired", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at" FROM \`partner_categories\`;`,
    )
    await db.run(sql`DROP TABLE \`partner_categories\`;`)
    await db.run(sql`ALTER TABLE \`__new_partner_categories\` RENAME TO \`partner_categories\`;`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`partner_categories_key_idx\` ON \`partner_categories\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`partner_categories_order_idx\` ON \`partner_categories\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`partner_categories_updated_at_idx\` ON \`partner_categories\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`partner_categories_created_at_idx\` ON \`partner_categories\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new__partner_categories_v\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`parent_id\` integer,
    	\`version_key\` text NOT NULL,
    	\`version_icon\` text,
    	\`version_order\` numeric NOT NULL,
    	\`version_retired\` integer DEFAULT false,
    	\`version_imported_at\` text,
    	\`version_imported_by\` text,
    	\`version_imported_source_file\` text,
    	\`version_imported_source_sha256\` text,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`partner_categories\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__partner_categories_v\`("id", "parent_id", "version_key", "version_icon", "version_order", "version_retired", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_key", "version_icon", "version_order", "version_retired", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_partner_categories_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_partner_categories_v\`;`)
    await db.run(
      sql`ALTER TABLE \`__new__partner_categories_v\` RENAME TO \`_partner_categories_v\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_parent_idx\` ON \`_partner_categories_v\` (\`parent_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_key_idx\` ON \`_partner_categories_v\` (\`version_key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_order_idx\` ON \`_partner_categories_v\` (\`version_order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_updated_at_idx\` ON \`_partner_categories_v\` (\`version_updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_version_version_created_at_idx\` ON \`_partner_categories_v\` (\`version_created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_created_at_idx\` ON \`_partner_categories_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partner_categories_v_updated_at_idx\` ON \`_partner_categories_v\` (\`updated_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_releases\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`title\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`number\` numeric NOT NULL,
    	\`summary\` text NOT NULL,
    	\`change_type\` text NOT NULL,
    	\`effective_at\` text NOT NULL,
    	\`published_at\` text NOT NULL,
    	\`published_by\` text NOT NULL,
    	\`approvers\` text NOT NULL,
    	\`urgency_reason\` text,
    	\`rollback_of\` numeric,
    	\`source_release_number\` numeric,
    	\`content_hash\` text NOT NULL,
    	\`content\` text NOT NULL,
    	\`sources\` text NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_releases\`("id", "title", "locale", "number", "summary", "change_type", "effective_at", "published_at", "published_by", "approvers", "urgency_reason", "rollback_of", "source_release_number", "content_hash", "content", "sources", "updated_at", "created_at") SELECT "id", "title", "locale", "number", "summary", "change_type", "effective_at", "published_at", "published_by", "approvers", "urgency_reason", "rollback_of", "source_release_number", "content_hash", "content", "sources", "updated_at", "created_at" FROM \`releases\`;`,
    )
    await db.run(sql`DROP TABLE \`releases\`;`)
    await db.run(sql`ALTER TABLE \`__new_releases\` RENAME TO \`releases\`;`)
    await db.run(sql`CREATE INDEX \`releases_locale_idx\` ON \`releases\` (\`locale\`);`)
    await db.run(
      sql`CREATE INDEX \`releases_effective_at_idx\` ON \`releases\` (\`effective_at\`);`,
    )
    await db.run(sql`CREATE INDEX \`releases_updated_at_idx\` ON \`releases\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`releases_created_at_idx\` ON \`releases\` (\`created_at\`);`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`locale_number_idx\` ON \`releases\` (\`locale\`,\`number\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_endpoints_events\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_endpoints_events\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`webhook_endpoints_events\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_endpoints_events\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_webhook_endpoints_events\` RENAME TO \`webhook_endpoints_events\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_events_order_idx\` ON \`webhook_endpoints_events\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_events_parent_idx\` ON \`webhook_endpoints_events\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_endpoints_for_locales\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_endpoints_for_locales\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`webhook_endpoints_for_locales\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_endpoints_for_locales\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_webhook_endpoints_for_locales\` RENAME TO \`webhook_endpoints_for_locales\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_for_locales_order_idx\` ON \`webhook_endpoints_for_locales\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_for_locales_parent_idx\` ON \`webhook_endpoints_for_locales\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_endpoints\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text NOT NULL,
    	\`url\` text NOT NULL,
    	\`secret\` text NOT NULL,
    	\`active\` integer DEFAULT true,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_endpoints\`("id", "name", "url", "secret", "active", "updated_at", "created_at") SELECT "id", "name", "url", "secret", "active", "updated_at", "created_at" FROM \`webhook_endpoints\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_endpoints\`;`)
    await db.run(sql`ALTER TABLE \`__new_webhook_endpoints\` RENAME TO \`webhook_endpoints\`;`)
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_updated_at_idx\` ON \`webhook_endpoints\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_endpoints_created_at_idx\` ON \`webhook_endpoints\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_webhook_deliveries\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`dedupe_key\` text NOT NULL,
    	\`endpoint_id\` integer NOT NULL,
    	\`event\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`release_number\` numeric NOT NULL,
    	\`status\` text DEFAULT 'pending' NOT NULL,
    	\`attempts\` numeric DEFAULT 0 NOT NULL,
    	\`body\` text NOT NULL,
    	\`log\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE set null
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_webhook_deliveries\`("id", "dedupe_key", "endpoint_id", "event", "locale", "release_number", "status", "attempts", "body", "log", "updated_at", "created_at") SELECT "id", "dedupe_key", "endpoint_id", "event", "locale", "release_number", "status", "attempts", "body", "log", "updated_at", "created_at" FROM \`webhook_deliveries\`;`,
    )
    await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
    await db.run(sql`ALTER TABLE \`__new_webhook_deliveries\` RENAME TO \`webhook_deliveries\`;`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`webhook_deliveries_dedupe_key_idx\` ON \`webhook_deliveries\` (\`dedupe_key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_deliveries_endpoint_idx\` ON \`webhook_deliveries\` (\`endpoint_id\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_users_assigned_locales\` (
    	\`order\` integer NOT NULL,
    	\`parent_id\` integer NOT NULL,
    	\`value\` text,
    	\`id\` integer PRIMARY KEY NOT NULL,
    	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users_assigned_locales\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`users_assigned_locales\`;`,
    )
    await db.run(sql`DROP TABLE \`users_assigned_locales\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_users_assigned_locales\` RENAME TO \`users_assigned_locales\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`users_assigned_locales_order_idx\` ON \`users_assigned_locales\` (\`order\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`users_assigned_locales_parent_idx\` ON \`users_assigned_locales\` (\`parent_id\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_users\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text,
    	\`role\` text DEFAULT 'legal-editor' NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`email\` text NOT NULL,
    	\`reset_password_token\` text,
    	\`reset_password_expiration\` text,
    	\`salt\` text,
    	\`hash\` text,
    	\`reset_password_requested_at\` text,
    	\`login_attempts\` numeric DEFAULT 0,
    	\`lock_until\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_users\`("id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`,
    )
    await db.run(sql`DROP TABLE \`users\`;`)
    await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
    await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
    await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
    await db.run(sql`CREATE TABLE \`__new_workflow_states\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`key\` text NOT NULL,
    	\`subject\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`state\` text DEFAULT 'draft' NOT NULL,
    	\`approved_hash\` text,
    	\`approved_content\` text,
    	\`approved_at\` text,
    	\`approved_by\` text,
    	\`edited_since_approval\` text,
    	\`last_action\` text,
    	\`source_hash\` text,
    	\`source_content\` text,
    	\`approved_source_hash\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_workflow_states\`("id", "key", "subject", "locale", "state", "approved_hash", "approved_content", "approved_at", "approved_by", "edited_since_approval", "last_action", "source_hash", "source_content", "approved_source_hash", "updated_at", "created_at") SELECT "id", "key", "subject", "locale", "state", "approved_hash", "approved_content", "approved_at", "approved_by", "edited_since_approval", "last_action", "source_hash", "source_content", "approved_source_hash", "updated_at", "created_at" FROM \`workflow_states\`;`,
    )
    await db.run(sql`DROP TABLE \`workflow_states\`;`)
    await db.run(sql`ALTER TABLE \`__new_workflow_states\` RENAME TO \`workflow_states\`;`)
    await db.run(
      sql`CREATE UNIQUE INDEX \`workflow_states_key_idx\` ON \`workflow_states\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`workflow_states_subject_idx\` ON \`workflow_states\` (\`subject\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`workflow_states_updated_at_idx\` ON \`workflow_states\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`workflow_states_created_at_idx\` ON \`workflow_states\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_audit_events\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`at\` text NOT NULL,
    	\`actor_id\` text,
    	\`actor_label\` text NOT NULL,
    	\`action\` text NOT NULL,
    	\`subject\` text NOT NULL,
    	\`locale\` text NOT NULL,
    	\`from_state\` text,
    	\`to_state\` text,
    	\`reason\` text,
    	\`content_hash\` text,
    	\`previous_hash\` text NOT NULL,
    	\`hash\` text NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_audit_events\`("id", "at", "actor_id", "actor_label", "action", "subject", "locale", "from_state", "to_state", "reason", "content_hash", "previous_hash", "hash", "updated_at", "created_at") SELECT "id", "at", "actor_id", "actor_label", "action", "subject", "locale", "from_state", "to_state", "reason", "content_hash", "previous_hash", "hash", "updated_at", "created_at" FROM \`audit_events\`;`,
    )
    await db.run(sql`DROP TABLE \`audit_events\`;`)
    await db.run(sql`ALTER TABLE \`__new_audit_events\` RENAME TO \`audit_events\`;`)
    await db.run(sql`CREATE INDEX \`audit_events_at_idx\` ON \`audit_events\` (\`at\`);`)
    await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
    await db.run(sql`CREATE INDEX \`audit_events_subject_idx\` ON \`audit_events\` (\`subject\`);`)
    await db.run(sql`CREATE INDEX \`audit_events_locale_idx\` ON \`audit_events\` (\`locale\`);`)
    await db.run(sql`CREATE UNIQUE INDEX \`audit_events_hash_idx\` ON \`audit_events\` (\`hash\`);`)
    await db.run(
      sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`key\` text NOT NULL,
    	\`data\` text NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_kv\`("id", "key", "data") SELECT "id", "key", "data" FROM \`payload_kv\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_kv\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
    await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
    await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`global_slug\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_locked_documents\`("id", "global_slug", "updated_at", "created_at") SELECT "id", "global_slug", "updated_at", "created_at" FROM \`payload_locked_documents\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
    await db.run(
      sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`key\` text,
    	\`value\` text,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_preferences\`("id", "key", "value", "updated_at", "created_at") SELECT "id", "key", "value", "updated_at", "created_at" FROM \`payload_preferences\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_preferences\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`name\` text,
    	\`batch\` numeric,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_payload_migrations\`("id", "name", "batch", "updated_at", "created_at") SELECT "id", "name", "batch", "updated_at", "created_at" FROM \`payload_migrations\`;`,
    )
    await db.run(sql`DROP TABLE \`payload_migrations\`;`)
    await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
    await db.run(
      sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`,
    )
    await db.run(sql`CREATE TABLE \`__new_partners_page\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`imported_at\` text,
    	\`imported_by\` text,
    	\`imported_source_file\` text,
    	\`imported_source_sha256\` text,
    	\`updated_at\` text,
    	\`created_at\` text
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new_partners_page\`("id", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at") SELECT "id", "imported_at", "imported_by", "imported_source_file", "imported_source_sha256", "updated_at", "created_at" FROM \`partners_page\`;`,
    )
    await db.run(sql`DROP TABLE \`partners_page\`;`)
    await db.run(sql`ALTER TABLE \`__new_partners_page\` RENAME TO \`partners_page\`;`)
    await db.run(sql`CREATE TABLE \`__new__partners_page_v\` (
    	\`id\` integer PRIMARY KEY NOT NULL,
    	\`version_imported_at\` text,
    	\`version_imported_by\` text,
    	\`version_imported_source_file\` text,
    	\`version_imported_source_sha256\` text,
    	\`version_updated_at\` text,
    	\`version_created_at\` text,
    	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
    	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
    );
    `)
    await db.run(
      sql`INSERT INTO \`__new__partners_page_v\`("id", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "version_imported_at", "version_imported_by", "version_imported_source_file", "version_imported_source_sha256", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_partners_page_v\`;`,
    )
    await db.run(sql`DROP TABLE \`_partners_page_v\`;`)
    await db.run(sql`ALTER TABLE \`__new__partners_page_v\` RENAME TO \`_partners_page_v\`;`)
    await db.run(
      sql`CREATE INDEX \`_partners_page_v_created_at_idx\` ON \`_partners_page_v\` (\`created_at\`);`,
    )
    await db.run(
      sql`CREATE INDEX \`_partners_page_v_updated_at_idx\` ON \`_partners_page_v\` (\`updated_at\`);`,
    )
  })
}
