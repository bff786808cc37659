import { defineStrings } from '../defineStrings'

/** The Japanese source shown beside a translation, and document titles. */
export const sourceTextStrings = defineStrings({
  en: {
    heading: 'Japanese source (approved {{date}}), read-only',
    headingNotApproved: 'Japanese source: not approved yet',
    empty: 'The Japanese source of this field is empty.',
    changedSinceSubmitted:
      'The Japanese source changed since this translation was submitted (redline of the Japanese):',
    title: 'Title (name, or the Japanese name while untranslated)',
  },
  ja: {
    heading: '日本語の原文（{{date}} 承認、閲覧のみ）',
    headingNotApproved: '日本語の原文：まだ承認されていません',
    empty: 'この項目の日本語の原文は空です。',
    changedSinceSubmitted: 'この翻訳の提出後に日本語の原文が変更されました（原文の変更箇所）：',
    title: '表示名（名前、未翻訳の間は日本語の名前）',
  },
})
