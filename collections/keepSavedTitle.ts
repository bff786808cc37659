import type { CollectionAdminOptions } from 'payload'

/**
 * For a collection titled by a field its editors type in: the edit view's header and breadcrumb keep
 * the saved title, so a refused save never shows a title that is not stored (src/ui/KeepSavedTitle).
 */
export const keepSavedTitle = {
  edit: { beforeDocumentControls: ['/src/ui/KeepSavedTitle#KeepSavedTitle'] },
} satisfies CollectionAdminOptions['components']
