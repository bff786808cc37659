import { diffFields } from '@/diff/fieldChange'
import { adminTranslations, type AdminStringKey } from '@/i18n/adminTranslations'
import type { StringTable } from '@/i18n/defineStrings'
import { paragraphsToRichText } from '@/utilities/lexical'
import {
  actionLabel,
  fieldLabel,
  readableChange,
  refusalKey,
  stateLabel,
} from '@/workflow/components/reviewPanelText'

/** Payload's `t` over Kaiji's tables: the key's text with `{{vars}}` filled in, the key itself when missing. */
const translator =
  (language: 'ja' | 'en') =>
  (key: AdminStringKey, vars: Record<string, unknown> = {}): string => {
    let node: string | StringTable | undefined = adminTranslations[language] as StringTable
    for (const part of key.split(':'))
      node = typeof node === 'object' ? (node as StringTable)[part] : undefined
    if (typeof node !== 'string') return key
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]))
  }
const ja = translator('ja')
const en = translator('en')

describe('the Review panel’s redline of the working copy', () => {
  it('lists only changed fields, word by word, groups as dotted names and checkboxes as true/false', () => {
    const approved = {
      key: 'maps',
      retired: false,
      name: '地図',
      description: paragraphsToRichText(['地図を表示します。']),
      columnLabels: { type: 'タイプ', description: '説明' },
    }
    const working = {
      ...approved,
      retired: true,
      description: paragraphsToRichText(['地図と経路を表示します。']),
      columnLabels: { type: 'タイプ', description: '内容' },
    }
    const changes = diffFields(approved, working, 'ja')
    expect(changes.map((change) => change.field)).toEqual([
      'retired',
      'description',
      'columnLabels.description',
    ])
    expect(changes[0]).toMatchObject({ before: 'false', after: 'true' })
    expect(changes[1]?.changes.filter((part) => part.kind !== 'equal')).toEqual([
      { kind: 'insert', text: 'と経路' },
    ])
    expect(diffFields(approved, approved, 'ja')).toEqual([])
  })

  it('shows a never-approved working copy as all new', () => {
    const changes = diffFields(null, { name: 'Maps', description: null, order: 3 }, 'en')
    expect(changes).toEqual([
      { field: 'name', before: null, after: 'Maps', changes: [{ kind: 'insert', text: 'Maps' }] },
      { field: 'order', before: null, after: '3', changes: [{ kind: 'insert', text: '3' }] },
    ])
  })
})

describe('the Review panel’s wording', () => {
  it('names fields as the user sees them, in their language', () => {
    expect(fieldLabel(ja, 'name')).toBe('名称')
    expect(fieldLabel(ja, 'dataUsageNote')).toBe('データ使用上の注意')
    expect(fieldLabel(ja, 'columnLabels.type')).toBe('列見出し: タイプ')
    expect(fieldLabel(en, 'notNamedNote')).toBe('Why partners are not named')
    // A field the panel has no name for keeps its own; a group alone is not a field.
    expect(fieldLabel(ja, 'somethingNew')).toBe('somethingNew')
    expect(fieldLabel(ja, 'columnLabels')).toBe('columnLabels')
    expect(fieldLabel(ja, 'columnLabels.other')).toBe('columnLabels.other')
  })

  it('names actions and states, the history’s own actions included', () => {
    expect(actionLabel(ja, 'submit')).toBe('レビューに提出')
    expect(actionLabel(ja, 'edit')).toBe('編集')
    expect(actionLabel(ja, 'import')).toBe('原文ファイルから取り込み')
    expect(actionLabel(en, 'publish')).toBe('Published')
    expect(actionLabel(ja, 'toString')).toBe('toString')
    expect(stateLabel(ja, 'in_review')).toBe('レビュー中')
    expect(stateLabel(ja, null)).toBe('—')
  })

  it('reads a checkbox change as yes / no, and leaves text alone', () => {
    expect(
      readableChange(ja, {
        field: 'retired',
        before: 'false',
        after: 'true',
        changes: [
          { kind: 'delete', text: 'false' },
          { kind: 'insert', text: 'true' },
        ],
      }),
    ).toEqual({
      field: 'retired',
      changes: [
        { kind: 'delete', text: 'いいえ' },
        { kind: 'insert', text: 'はい' },
      ],
    })
    expect(
      readableChange(en, {
        field: 'retired',
        before: null,
        after: 'false',
        changes: [{ kind: 'insert', text: 'false' }],
      }).changes,
    ).toEqual([{ kind: 'insert', text: 'No' }])
    const text = {
      field: 'name',
      before: 'true',
      after: '本当',
      changes: [
        { kind: 'delete' as const, text: 'true' },
        { kind: 'insert' as const, text: '本当' },
      ],
    }
    expect(readableChange(ja, text)).toBe(text)
  })

  it('says in the user’s language why an action was refused when the panel can tell, else defers to the server', () => {
    const base = {
      action: 'approve' as const,
      shownState: 'in_review' as const,
      youEditedSinceApproval: false,
    }
    expect(refusalKey({ ...base, status: 401 })).toBe('kaijiAdmin:review:error:signedOut')
    expect(refusalKey({ ...base, status: 404 })).toBe('kaijiAdmin:review:error:notFound')
    expect(refusalKey({ ...base, status: 403 })).toBe('kaijiAdmin:review:error:notAllowed')
    expect(refusalKey({ ...base, status: 403, youEditedSinceApproval: true })).toBe(
      'kaijiAdmin:review:error:fourEyes',
    )
    // The text was saved again since the panel read it: said so, whatever the state.
    expect(refusalKey({ ...base, status: 409, code: 'content-changed' })).toBe(
      'kaijiAdmin:review:error:contentChanged',
    )
    // Shown in review and refused with 409: the translation's source moved on.
    expect(refusalKey({ ...base, status: 409 })).toBe('kaijiAdmin:review:error:stale')
    // Shown in a state the action is not allowed from: someone else moved it.
    expect(refusalKey({ ...base, status: 409, shownState: 'approved' })).toBe(
      'kaijiAdmin:review:error:stateChanged',
    )
    expect(refusalKey({ ...base, action: 'submit', status: 409, shownState: 'draft' })).toBe(
      'kaijiAdmin:review:error:nothingToSubmit',
    )
    expect(refusalKey({ ...base, action: 'submit', status: 409, shownState: 'in_review' })).toBe(
      'kaijiAdmin:review:error:stateChanged',
    )
    expect(refusalKey({ ...base, action: 'withdraw', status: 409 })).toBe(
      'kaijiAdmin:review:error:stateChanged',
    )
    expect(refusalKey({ ...base, action: 'confirm-source', status: 409 })).toBe(
      'kaijiAdmin:review:error:notStale',
    )
    expect(refusalKey({ ...base, status: 400 })).toBeNull()
    expect(refusalKey({ ...base, status: 500 })).toBeNull()
  })
})
