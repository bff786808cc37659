import type { Config, Field } from 'payload'

import { JSON_VIEW, readableJsonFields, withJsonView } from '@/components/readableJsonFields'

/** The inner fields of a group, array, row or collapsible. */
const inner = (field: Field | undefined): Field[] =>
  field && 'fields' in field ? field.fields : []

const componentOf = (field: Field | undefined) =>
  field?.type === 'json' ? field.admin?.components?.Field : 'not json'

describe('JSON fields are read in the admin without Monaco (pure)', () => {
  it('gives every JSON field the read-only view, inside groups, arrays, rows, tabs and blocks', () => {
    const fields: Field[] = [
      { name: 'plain', type: 'json' },
      { name: 'group', type: 'group', fields: [{ name: 'inGroup', type: 'json' }] },
      { name: 'list', type: 'array', fields: [{ name: 'inArray', type: 'json' }] },
      { type: 'row', fields: [{ name: 'inRow', type: 'json' }] },
      { type: 'tabs', tabs: [{ label: 'T', fields: [{ name: 'inTab', type: 'json' }] }] },
      {
        name: 'blocks',
        type: 'blocks',
        blocks: [{ slug: 'b', fields: [{ name: 'inBlock', type: 'json' }] }],
      },
      { name: 'title', type: 'text' },
    ]
    const result = withJsonView(fields)
    const [plain, group, list, row, tabs, blocks, title] = result
    expect(componentOf(plain)).toBe(JSON_VIEW)
    expect(componentOf(inner(group)[0])).toBe(JSON_VIEW)
    expect(componentOf(inner(list)[0])).toBe(JSON_VIEW)
    expect(componentOf(inner(row)[0])).toBe(JSON_VIEW)
    expect(tabs?.type === 'tabs' && componentOf(tabs.tabs[0]?.fields[0])).toBe(JSON_VIEW)
    expect(blocks?.type === 'blocks' && componentOf(blocks.blocks[0]?.fields[0])).toBe(JSON_VIEW)
    expect(title).toEqual({ name: 'title', type: 'text' })
    // The input is left as it was.
    expect(fields[0]).toEqual({ name: 'plain', type: 'json' })
  })

  it('keeps a JSON field that has its own component, and its other admin options', () => {
    const own: Field = { name: 'own', type: 'json', admin: { components: { Field: '/x#X' } } }
    const described: Field = {
      name: 'described',
      type: 'json',
      admin: { description: 'd', disableListFilter: true },
    }
    const [first, second] = withJsonView([own, described])
    expect(first).toBe(own)
    expect(second).toEqual({
      name: 'described',
      type: 'json',
      admin: { description: 'd', disableListFilter: true, components: { Field: JSON_VIEW } },
    })
  })

  it('covers the collections and globals the plugins before it added', () => {
    const config = {
      collections: [{ slug: 'c', fields: [{ name: 'data', type: 'json' }] }],
      globals: [{ slug: 'g', fields: [{ name: 'data', type: 'json' }] }],
    } as unknown as Config
    const result = readableJsonFields()(config)
    expect(componentOf(result.collections?.[0]?.fields[0])).toBe(JSON_VIEW)
    expect(componentOf(result.globals?.[0]?.fields[0])).toBe(JSON_VIEW)
  })
})
