import { defineStrings } from '../defineStrings'

/** The workflow's states and actions, wherever the admin names them. */
export const workflowStrings = defineStrings({
  en: {
    state: {
      draft: 'Draft',
      in_review: 'In review',
      changes_requested: 'Changes requested',
      approved: 'Approved',
      published: 'Published',
    },
    action: {
      submit: 'Submit for review',
      withdraw: 'Withdraw',
      approve: 'Approve',
      'request-changes': 'Request changes',
      'confirm-source': 'Confirm source change does not affect it',
      edit: 'Edit',
    },
    column: { reviewState: 'Review state', sourceState: 'Japanese source' },
    sourceState: { current: 'Translates the current source', stale: 'Source changed since' },
  },
  ja: {
    state: {
      draft: '下書き',
      in_review: 'レビュー中',
      changes_requested: '修正依頼',
      approved: '承認済み',
      published: '公開済み',
    },
    action: {
      submit: 'レビューに提出',
      withdraw: '提出を取り下げ',
      approve: '承認',
      'request-changes': '修正を依頼',
      'confirm-source': '原文の変更は影響しないことを確認',
      edit: '編集',
    },
    column: { reviewState: 'レビュー状態', sourceState: '日本語の原文' },
    sourceState: { current: '現在の原文を翻訳済み', stale: '翻訳後に原文が変更' },
  },
})
