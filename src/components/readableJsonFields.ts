import type { Config, Field } from 'payload'

export const JSON_VIEW = '/src/components/JsonView#JsonView'

/** Gives every JSON field without a Field component of its own the read-only JsonView, at any depth. */
export const withJsonView = (fields: readonly Field[]): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'json') {
      if (field.admin?.components?.Field) return field
      return {
        ...field,
        admin: { ...field.admin, components: { ...field.admin?.components, Field: JSON_VIEW } },
      }
    }
    if (field.type === 'tabs')
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withJsonView(tab.fields) })),
      }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: withJsonView(block.fields) })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: withJsonView(field.fields) } as Field
    return field
  })

/**
 * Payload's JSON field is a Monaco editor fetched from an outside host; the admin loads nothing from
 * elsewhere. Runs after the plugins that add collections, so their JSON fields are covered too.
 */
export const readableJsonFields =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      fields: withJsonView(collection.fields),
    })),
    globals: (config.globals ?? []).map((global) => ({
      ...global,
      fields: withJsonView(global.fields),
    })),
  })
