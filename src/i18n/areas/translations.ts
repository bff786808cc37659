import { defineStrings } from '../defineStrings'

/** The translations dashboard, its bulk actions and the XLIFF tools. */
export const translationsStrings = defineStrings({
  en: {
    title: 'Translations',
    intro:
      'Each cell is one document in one language: its status, a link to it in that language, and what you can do there now.',
    document: 'Document',
    partnersPage: 'Partners page',
    retired: 'retired',
    youCan: 'You can: {{actions}}',
    totals: 'Totals (live documents)',
    status: {
      missing: 'Missing',
      stale: 'Source updated',
    },
    locale: {
      ja: 'Japanese (source)',
      en: 'English',
      fr: 'French',
      ru: 'Russian',
    },
    bulk: {
      heading: 'Bulk actions',
      locale: 'Language',
      submit: 'Submit all my drafts',
      approve: 'Approve all in review',
      submitHeading: 'Submit all your drafts in {{locale}}?',
      submitBody:
        'Every draft you edited in {{locale}} is submitted for review, one by one. Drafts you cannot submit are skipped and listed.',
      approveHeading: 'Approve everything in review in {{locale}}?',
      approveBody:
        '{{count}} document(s) in review in {{locale}} are approved, one by one. Documents you edited yourself, and translations whose source was updated, are skipped and listed.',
      confirm: 'Yes, go ahead',
      cancel: 'Cancel',
      working: 'Working…',
      results: 'Results',
      summary: '{{done}} done, {{skipped}} skipped.',
      nothing: 'There was nothing to do in {{locale}}.',
      done: 'Done: {{state}}',
      skipped: {
        'four-eyes':
          'Skipped: you edited this document yourself, so another reviewer must approve it.',
        stale:
          'Skipped: the Japanese source was updated since this translation was submitted; confirm or update it first.',
        empty: 'Skipped: this language has no text yet.',
        refused: 'Skipped: {{message}}',
      },
      failed: 'The bulk action failed ({{status}}): {{message}}',
    },
    xliff: {
      heading: 'XLIFF and TMX for translation tools',
      locale: 'Target language',
      version: 'XLIFF version',
      export: 'Export XLIFF',
      file: 'Translated file',
      choose: 'Choose a file',
      drop: 'or drop an XLIFF file here (languages you may import: {{locales}})',
      chosen: 'Chosen file: {{name}}',
      import: 'Import XLIFF',
      checking: 'Checking…',
      importing: 'Importing…',
      previewHeading: 'Import {{name}}?',
      previewChanges: '{{count}} document(s) change; {{unchanged}} stay as they are.',
      previewNothing: 'The file changes nothing: every translation already matches.',
      previewBackToDraft:
        'These documents are in review, approved or published and go back to draft, to be reviewed again:',
      previewNoneBack: 'No document in review, approved or published goes back to draft.',
      fields: '{{count}} field(s)',
      sourceChanged: 'the Japanese source changed since the export in {{count}} unit(s)',
      untranslated:
        '{{count}} segment(s) still have the Japanese text as their target, as a translation tool leaves a segment nobody translated; they are not imported, and their current translation stays: {{segments}}.',
      basisIdentified:
        '{{document}}: the file does not say which Japanese text it was exported from; its Japanese text is that of ja release {{release}}, so the translation is recorded as translating that text and shows as stale where the Japanese has changed since ({{units}}).',
      basisAssumed:
        '{{document}}: the file does not say which Japanese text it was exported from, and its Japanese text matches no approved version in {{units}}; the translation is taken as translating the current Japanese text. Check these units against it.',
      confirm: 'Import',
      imported: 'Imported as drafts: {{count}} document(s) changed, {{unchanged}} unchanged.',
      refused: 'Nothing was imported ({{status}}):',
    },
    tmx: {
      export: 'Export translation memory (TMX)',
      description:
        'Every approved Japanese–target pair of the published releases, for a translation tool to pre-translate changed text.',
    },
  },
  ja: {
    title: '翻訳',
    intro:
      '各セルは1つの文書の1つの言語を表します。状態、その言語の文書へのリンク、現在あなたが行える操作を表示します。',
    document: '文書',
    partnersPage: 'パートナーページ',
    retired: '廃止',
    youCan: '可能な操作: {{actions}}',
    totals: '合計（有効な文書）',
    status: {
      missing: '未翻訳',
      stale: '原文更新あり',
    },
    locale: {
      ja: '日本語（原文）',
      en: '英語',
      fr: 'フランス語',
      ru: 'ロシア語',
    },
    bulk: {
      heading: '一括操作',
      locale: '言語',
      submit: '自分の下書きをすべて提出',
      approve: 'レビュー中をすべて承認',
      submitHeading: '{{locale}}の自分の下書きをすべて提出しますか？',
      submitBody:
        'あなたが編集した{{locale}}の下書きを1件ずつレビューに提出します。提出できない下書きはスキップし、一覧に表示します。',
      approveHeading: '{{locale}}のレビュー中の文書をすべて承認しますか？',
      approveBody:
        '{{locale}}でレビュー中の{{count}}件の文書を1件ずつ承認します。ご自身が編集した文書と、原文が更新された翻訳はスキップし、一覧に表示します。',
      confirm: '実行する',
      cancel: 'キャンセル',
      working: '処理中…',
      results: '結果',
      summary: '{{done}}件を処理し、{{skipped}}件をスキップしました。',
      nothing: '{{locale}}には対象の文書がありませんでした。',
      done: '完了: {{state}}',
      skipped: {
        'four-eyes': 'スキップ: ご自身が編集した文書のため、別のレビュー担当者の承認が必要です。',
        stale:
          'スキップ: この翻訳の提出後に日本語の原文が更新されました。先に確認または更新してください。',
        empty: 'スキップ: この言語にはまだ本文がありません。',
        refused: 'スキップ: {{message}}',
      },
      failed: '一括操作に失敗しました（{{status}}）: {{message}}',
    },
    xliff: {
      heading: '翻訳ツール用 XLIFF・TMX',
      locale: '翻訳先の言語',
      version: 'XLIFF のバージョン',
      export: 'XLIFF を書き出す',
      file: '翻訳済みファイル',
      choose: 'ファイルを選択',
      drop: 'または XLIFF ファイルをここにドロップしてください（取り込める言語: {{locales}}）',
      chosen: '選択したファイル: {{name}}',
      import: 'XLIFF を取り込む',
      checking: '確認中…',
      importing: '取り込み中…',
      previewHeading: '{{name}} を取り込みますか？',
      previewChanges: '{{count}}件の文書が変更され、{{unchanged}}件は変更されません。',
      previewNothing: 'このファイルで変更される文書はありません。すべての翻訳が一致しています。',
      previewBackToDraft:
        '次の文書はレビュー中・承認済み・公開済みのため、下書きに戻り、再度レビューが必要になります:',
      previewNoneBack: 'レビュー中・承認済み・公開済みの文書で下書きに戻るものはありません。',
      fields: '{{count}}項目',
      sourceChanged: '書き出し後に日本語の原文が変更された単位が{{count}}件あります',
      untranslated:
        '{{count}}件のセグメントは訳文が日本語の原文のままです（翻訳ツールが未翻訳のセグメントに残す形です）。これらは取り込まれず、現在の翻訳がそのまま残ります: {{segments}}',
      basisIdentified:
        '{{document}}: ファイルにはどの日本語の原文から書き出したかの記載がありません。原文は ja リリース {{release}} のものと一致したため、翻訳はその原文の翻訳として記録され、その後に原文が変わった単位（{{units}}）は古い翻訳として表示されます。',
      basisAssumed:
        '{{document}}: ファイルにはどの日本語の原文から書き出したかの記載がなく、{{units}} の原文はどの承認済みの版とも一致しません。翻訳は現在の日本語の原文の翻訳として扱われます。これらの単位を原文と照らし合わせて確認してください。',
      confirm: '取り込む',
      imported:
        '下書きとして取り込みました: {{count}}件の文書を変更し、{{unchanged}}件は変更ありません。',
      refused: '何も取り込まれませんでした（{{status}}）:',
    },
    tmx: {
      export: '翻訳メモリ（TMX）を書き出す',
      description:
        '公開済みリリースの承認済みの日本語と翻訳の組をすべて収めたファイルです。翻訳ツールで、変更された原文を事前翻訳できます。',
    },
  },
})
