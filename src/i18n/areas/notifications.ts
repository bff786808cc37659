import { defineStrings } from '../defineStrings'

/** Emails to the legal team: a review waits, changes were requested. */
export const notificationsStrings = defineStrings({
  en: {
    submitted: {
      subject: '[Kaiji] Review requested: {{document}} ({{language}})',
      intro: '{{author}} submitted {{document}} in {{language}} for review.',
    },
    changesRequested: {
      subject: '[Kaiji] Changes requested: {{document}} ({{language}})',
      intro: '{{reviewer}} requested changes to {{document}} in {{language}}.',
    },
    note: 'Note:',
    noNote: 'No note was given.',
    open: 'Open it in Kaiji: {{url}}',
    openLink: 'Open it in Kaiji',
    why: 'You receive this because you are a {{role}} in Kaiji. To stop these emails, turn off "Email me when something waits for me" in your account: {{account}}',
    notifyByEmail: 'Email me when something waits for me',
    notifyByEmailDescription:
      'Reviewers are told when a document is submitted, authors when changes are requested.',
  },
  ja: {
    submitted: {
      subject: '[Kaiji] レビュー依頼: {{document}}（{{language}}）',
      intro: '{{author}} さんが {{document}}（{{language}}）をレビューに提出しました。',
    },
    changesRequested: {
      subject: '[Kaiji] 修正依頼: {{document}}（{{language}}）',
      intro: '{{reviewer}} さんが {{document}}（{{language}}）の修正を依頼しました。',
    },
    note: 'メモ:',
    noNote: 'メモはありません。',
    open: 'Kaiji で開く: {{url}}',
    openLink: 'Kaiji で開く',
    why: 'このメールは、あなたが Kaiji の{{role}}であるためにお送りしています。受け取らない場合は、アカウント設定で「対応待ちがあるときにメールで知らせる」をオフにしてください: {{account}}',
    notifyByEmail: '対応待ちがあるときにメールで知らせる',
    notifyByEmailDescription:
      'レビュー担当者には提出があったとき、作成者には修正依頼があったときに知らせます。',
  },
})
