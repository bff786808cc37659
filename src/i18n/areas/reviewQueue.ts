import { defineStrings } from '../defineStrings'

/** The review queue on the dashboard. */
export const reviewQueueStrings = defineStrings({
  en: {
    title: 'Waiting for you',
    intro:
      'Documents that wait for your decision or your edits, oldest first. Open one to act in its Review panel.',
    section: {
      in_review: 'In review: waiting for a decision',
      stale: 'Translations whose Japanese source changed',
      changes_requested: 'Sent back: changes requested',
      draft: 'Your drafts not yet submitted',
    },
    empty: {
      reviewer:
        'Nothing is waiting for your review: no document is in review and no translation is behind its Japanese source.',
      editor:
        'Nothing is waiting for you: nothing was sent back and you have no unsubmitted drafts.',
      admin:
        'Nothing is waiting: no document is in review, sent back or behind its Japanese source, and you have no unsubmitted drafts.',
    },
    by: {
      in_review: 'Submitted by {{name}}',
      stale: 'Japanese source approved by {{name}}',
      changes_requested: 'Sent back by {{name}}',
      draft: 'Last edited by {{name}}',
    },
    note: {
      in_review: 'Note from the submitter',
      changes_requested: 'Reason',
    },
    noNote: 'No note was left.',
    staleFlag: 'Japanese source changed',
    sourceTitle: 'Japanese title: not yet translated',
    fourEyes: 'You changed this content, so another reviewer must approve it.',
    pageTitle: 'Partners page',
    count: '{{count}} documents',
    count_one: '{{count}} document',
    locale: {
      ja: 'Japanese (source)',
      en: 'English',
      fr: 'French',
      ru: 'Russian',
    },
  },
  ja: {
    title: 'あなたの対応待ち',
    intro:
      'あなたの判断または編集を待っている文書です(古い順)。文書を開き、レビューパネルで対応してください。',
    section: {
      in_review: 'レビュー中: 判断待ち',
      stale: '原文が変更された翻訳',
      changes_requested: '差し戻し: 修正依頼',
      draft: '未提出の下書き',
    },
    empty: {
      reviewer:
        'レビュー待ちの文書はありません。レビュー中の文書も、原文より古い翻訳もありません。',
      editor: '対応待ちの文書はありません。差し戻された文書も、未提出の下書きもありません。',
      admin:
        '対応待ちの文書はありません。レビュー中、差し戻し中、原文より古い翻訳、未提出の下書きはいずれもありません。',
    },
    by: {
      in_review: '提出者: {{name}}',
      stale: '原文の承認者: {{name}}',
      changes_requested: '差し戻した人: {{name}}',
      draft: '最終編集者: {{name}}',
    },
    note: {
      in_review: '提出者からのメモ',
      changes_requested: '理由',
    },
    noNote: 'メモはありません。',
    staleFlag: '原文が変更されています',
    sourceTitle: '原文の名称(未翻訳)',
    fourEyes: 'あなたがこの内容を変更したため、別のレビュアーが承認する必要があります。',
    pageTitle: 'パートナーページ',
    count: '{{count}} 件',
    count_one: '{{count}} 件',
    locale: {
      ja: '日本語(原文)',
      en: '英語',
      fr: 'フランス語',
      ru: 'ロシア語',
    },
  },
})
