import { paragraphsToRichText } from '@/utilities/lexical'
import { sourceFieldTexts } from '@/workflow/sourceText'

describe('sourceFieldTexts: the approved source a translator reads, field by field', () => {
  it('keeps only the localized fields, in their order, rich text as plain text and groups as dotted names', () => {
    const approved = {
      key: 'maps',
      icon: '🗺',
      order: 3,
      title: 'パートナー',
      intro: paragraphsToRichText(['一段落目', '二段落目']),
      columnLabels: { type: 'タイプ', description: '説明', dataUsageNote: '' },
      authoritativeLanguageNote: null,
    }
    expect(
      sourceFieldTexts(approved, ['title', 'intro', 'columnLabels', 'authoritativeLanguageNote']),
    ).toEqual([
      { field: 'title', text: 'パートナー' },
      { field: 'intro', text: '一段落目\n二段落目' },
      { field: 'columnLabels.type', text: 'タイプ' },
      { field: 'columnLabels.description', text: '説明' },
      { field: 'columnLabels.dataUsageNote', text: null },
      { field: 'authoritativeLanguageNote', text: null },
    ])
  })

  it('a field the approval does not hold shows as empty; no approval at all gives no fields', () => {
    expect(sourceFieldTexts({ name: '地図' }, ['name', 'description'])).toEqual([
      { field: 'name', text: '地図' },
      { field: 'description', text: null },
    ])
    expect(sourceFieldTexts(null, ['name'])).toEqual([])
  })
})
