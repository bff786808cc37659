import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`outbox_messages\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`topic\` text NOT NULL,
  	\`recipient\` text NOT NULL,
  	\`endpoint_id\` integer,
  	\`locale\` text,
  	\`release_number\` numeric,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`next_attempt_at\` text NOT NULL,
  	\`delivered_at\` text,
  	\`last_error\` text,
  	\`content\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`outbox_messages_key_idx\` ON \`outbox_messages\` (\`key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_messages_recipient_idx\` ON \`outbox_messages\` (\`recipient\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_messages_endpoint_idx\` ON \`outbox_messages\` (\`endpoint_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_messages_status_idx\` ON \`outbox_messages\` (\`status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_messages_next_attempt_at_idx\` ON \`outbox_messages\` (\`next_attempt_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_messages_updated_at_idx\` ON \`outbox_messages\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_messages_created_at_idx\` ON \`outbox_messages\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`outbox_attempts\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`message_id\` integer NOT NULL,
  	\`attempt\` numeric NOT NULL,
  	\`worker\` text NOT NULL,
  	\`outcome\` text DEFAULT 'unknown' NOT NULL,
  	\`response\` text,
  	\`error\` text,
  	\`started_at\` text NOT NULL,
  	\`duration_ms\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`outbox_messages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`outbox_attempts_key_idx\` ON \`outbox_attempts\` (\`key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_attempts_message_idx\` ON \`outbox_attempts\` (\`message_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_attempts_updated_at_idx\` ON \`outbox_attempts\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`outbox_attempts_created_at_idx\` ON \`outbox_attempts\` (\`created_at\`);`,
  )
  // Webhook deliveries become outbox messages, their attempt logs attempt rows; deliveries an old
  // process left pending or retrying (its timers died with it) are now picked up by the outbox worker.
  await db.run(sql`INSERT INTO \`outbox_messages\` (\`key\`, \`channel\`, \`topic\`, \`recipient\`, \`endpoint_id\`, \`locale\`, \`release_number\`, \`status\`, \`attempts\`, \`next_attempt_at\`, \`delivered_at\`, \`last_error\`, \`content\`, \`updated_at\`, \`created_at\`)
    SELECT d.\`dedupe_key\`, 'webhook', d.\`event\`, COALESCE(e.\`url\`, ''), d.\`endpoint_id\`, d.\`locale\`, d.\`release_number\`, d.\`status\`, d.\`attempts\`, d.\`updated_at\`,
      CASE WHEN d.\`status\` = 'delivered' THEN d.\`updated_at\` END,
      CASE WHEN json_valid(d.\`log\`) THEN json_extract(d.\`log\`, '$[#-1].error') END,
      json_object('event', d.\`event\`, 'body', d.\`body\`), d.\`updated_at\`, d.\`created_at\`
    FROM \`webhook_deliveries\` d LEFT JOIN \`webhook_endpoints\` e ON e.\`id\` = d.\`endpoint_id\` ORDER BY d.\`id\`;`)
  await db.run(sql`INSERT INTO \`outbox_attempts\` (\`key\`, \`message_id\`, \`attempt\`, \`worker\`, \`outcome\`, \`response\`, \`error\`, \`started_at\`, \`duration_ms\`)
    SELECT m.\`id\` || '#' || json_extract(a.value, '$.attempt'), m.\`id\`, json_extract(a.value, '$.attempt'), 'before the outbox',
      CASE WHEN json_extract(a.value, '$.error') IS NULL THEN 'delivered' WHEN json_extract(a.value, '$.error') LIKE 'Refused%' THEN 'refused' ELSE 'failed' END,
      CASE WHEN json_extract(a.value, '$.status') IS NOT NULL THEN 'HTTP ' || json_extract(a.value, '$.status') END,
      json_extract(a.value, '$.error'), json_extract(a.value, '$.at'), json_extract(a.value, '$.durationMs')
    FROM \`webhook_deliveries\` d JOIN \`outbox_messages\` m ON m.\`key\` = d.\`dedupe_key\`, json_each(CASE WHEN json_valid(d.\`log\`) THEN d.\`log\` ELSE '[]' END) a;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`releases_id\` integer,
  	\`webhook_endpoints_id\` integer,
  	\`outbox_messages_id\` integer,
  	\`outbox_attempts_id\` integer,
  	\`users_id\` integer,
  	\`workflow_states_id\` integer,
  	\`audit_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`releases_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_endpoints_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_messages_id\`) REFERENCES \`outbox_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_attempts_id\`) REFERENCES \`outbox_attempts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_states_id\`) REFERENCES \`workflow_states\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_events_id\`) REFERENCES \`audit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "releases_id", "webhook_endpoints_id", "outbox_messages_id", "outbox_attempts_id", "users_id", "workflow_states_id", "audit_events_id") SELECT "id", "order", "parent_id", "path", "releases_id", "webhook_endpoints_id", NULL, NULL, "users_id", "workflow_states_id", "audit_events_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`releases_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhook_endpoints_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_endpoints_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_outbox_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_messages_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_outbox_attempts_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_attempts_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_workflow_states_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_states_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
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
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`releases_id\` integer,
  	\`webhook_endpoints_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`users_id\` integer,
  	\`workflow_states_id\` integer,
  	\`audit_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`releases_id\`) REFERENCES \`releases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_endpoints_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_states_id\`) REFERENCES \`workflow_states\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_events_id\`) REFERENCES \`audit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "releases_id", "webhook_endpoints_id", "webhook_deliveries_id", "users_id", "workflow_states_id", "audit_events_id") SELECT "id", "order", "parent_id", "path", "releases_id", "webhook_endpoints_id", NULL, "users_id", "workflow_states_id", "audit_events_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_releases_id_idx\` ON \`payload_locked_documents_rels\` (\`releases_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhook_endpoints_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_endpoints_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_workflow_states_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_states_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`,
  )
  // Only once the lock table no longer refers to them.
  await db.run(sql`DROP TABLE \`outbox_attempts\`;`)
  await db.run(sql`DROP TABLE \`outbox_messages\`;`)
}
