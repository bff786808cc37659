import * as migration_20261129_222846_initial from './20261129_222846_initial'
import * as migration_20261129_232854_review_workflow from './20261129_232854_review_workflow'
import * as migration_20261129_235200_no_document_locks_on_reviewed_content from './20261129_235200_no_document_locks_on_reviewed_content'
import * as migration_20261130_011551_releases_and_webhooks from './20261130_011551_releases_and_webhooks'
import * as migration_20261204_122422_translation_source_tracking from './20261204_122422_translation_source_tracking'
import * as migration_20261204_125922_document_revisions from './20261204_125922_document_revisions'
import * as migration_20261206_205208_ids_never_reused from './20261206_205208_ids_never_reused'
import * as migration_20261207_041624_category_display_title from './20261207_041624_category_display_title'
import * as migration_20261207_062424_record_display_titles from './20261207_062424_record_display_titles'
import * as migration_20261207_140733_outbox from './20261207_140733_outbox'
import * as migration_20261207_144239_notify_by_email from './20261207_144239_notify_by_email'
import * as migration_20261207_153927_subscriptions_and_objections from './20261207_153927_subscriptions_and_objections'
import * as migration_20261207_205317_site_settings_and_import_provenance from './20261207_205317_site_settings_and_import_provenance'

export const migrations = [
  {
    up: migration_20261129_222846_initial.up,
    down: migration_20261129_222846_initial.down,
    name: '20261129_222846_initial',
  },
  {
    up: migration_20261129_232854_review_workflow.up,
    down: migration_20261129_232854_review_workflow.down,
    name: '20261129_232854_review_workflow',
  },
  {
    up: migration_20261129_235200_no_document_locks_on_reviewed_content.up,
    down: migration_20261129_235200_no_document_locks_on_reviewed_content.down,
    name: '20261129_235200_no_document_locks_on_reviewed_content',
  },
  {
    up: migration_20261130_011551_releases_and_webhooks.up,
    down: migration_20261130_011551_releases_and_webhooks.down,
    name: '20261130_011551_releases_and_webhooks',
  },
  {
    up: migration_20261204_122422_translation_source_tracking.up,
    down: migration_20261204_122422_translation_source_tracking.down,
    name: '20261204_122422_translation_source_tracking',
  },
  {
    up: migration_20261204_125922_document_revisions.up,
    down: migration_20261204_125922_document_revisions.down,
    name: '20261204_125922_document_revisions',
  },
  {
    up: migration_20261206_205208_ids_never_reused.up,
    down: migration_20261206_205208_ids_never_reused.down,
    name: '20261206_205208_ids_never_reused',
  },
  {
    up: migration_20261207_041624_category_display_title.up,
    down: migration_20261207_041624_category_display_title.down,
    name: '20261207_041624_category_display_title',
  },
  {
    up: migration_20261207_062424_record_display_titles.up,
    down: migration_20261207_062424_record_display_titles.down,
    name: '20261207_062424_record_display_titles',
  },
  {
    up: migration_20261207_140733_outbox.up,
    down: migration_20261207_140733_outbox.down,
    name: '20261207_140733_outbox',
  },
  {
    up: migration_20261207_144239_notify_by_email.up,
    down: migration_20261207_144239_notify_by_email.down,
    name: '20261207_144239_notify_by_email',
  },
  {
    up: migration_20261207_153927_subscriptions_and_objections.up,
    down: migration_20261207_153927_subscriptions_and_objections.down,
    name: '20261207_153927_subscriptions_and_objections',
  },
  {
    up: migration_20261207_205317_site_settings_and_import_provenance.up,
    down: migration_20261207_205317_site_settings_and_import_provenance.down,
    name: '20261207_205317_site_settings_and_import_provenance',
  },
]
