import { defineStrings } from '../defineStrings'

/** The Review panel: state, redline, note, history. */
export const reviewStrings = defineStrings({
  en: {
    title: 'Review',
    locale: 'Language: {{locale}}',
    loading: 'Loading the review state…',
    loadFailed: 'The review state could not be loaded ({{status}}). Reload the page to try again.',
    state: 'State',
    lastAction: 'Last: {{action}} by {{actor}} on {{date}}',
    submitterNote: 'Note from {{actor}} to the reviewer',
    changes: {
      title: 'Changes since the approved version',
      against: 'The working copy against the version approved on {{date}}.',
      neverApproved:
        'This document has never been approved in this language: all of its text is new.',
      none: 'No changes since the approved version.',
      legend: 'Added text is underlined, removed text is struck through.',
    },
    note: {
      label: 'Note to the reviewer (optional)',
      description: 'Shown to the reviewer with this submission, and kept in the history.',
    },
    reason: {
      label: 'Reason',
      description:
        'Required to request changes or to confirm that a source change does not affect the translation.',
    },
    fourEyes: 'You changed this content since its last approval, so someone else must approve it.',
    stale: {
      title: 'The Japanese source has changed',
      approvedAt:
        'The Japanese source approved on {{date}} changed since this translation was submitted.',
      notDated: 'The Japanese source changed since this translation was submitted.',
      whatToDo:
        'Update the translation and submit it again, or a reviewer confirms that the change does not affect it.',
    },
    history: {
      title: 'History',
      empty: 'Nothing has happened in this language yet.',
      entry: '{{action}} by {{actor}}',
      stateChange: '{{from}} → {{to}}',
      action: {
        import: 'Imported from the source file',
        publish: 'Published',
        rollback: 'Rolled back',
        delete: 'Deleted',
        'objection-received': 'Objection received',
        'objection-acknowledged': 'Objection acknowledged by email',
        'objection-closed': 'Objection closed',
        'site-settings-change': 'Site settings changed',
        'site-settings-restore': 'Site settings restored from a version',
      },
    },
    done: {
      submit: 'Submitted for review.',
      withdraw: 'The submission was withdrawn.',
      approve: 'Approved.',
      'request-changes': 'Changes were requested.',
      'confirm-source': 'Recorded that the source change does not affect this translation.',
    },
    error: {
      signedOut: 'Your session has ended. Sign in again, then retry.',
      notAllowed: 'Your role may not take this action in this language.',
      fourEyes:
        'Four-eyes rule: you changed this content since its last approval, so someone else must approve it.',
      stateChanged:
        'Someone else changed the review state in the meantime. The panel now shows the current state.',
      nothingToSubmit: 'This language has no text yet: there is nothing to submit for review.',
      stale:
        'The Japanese source changed since this translation was submitted: update and submit it again, or confirm that the change does not affect it.',
      notStale: 'This translation already translates the current approved Japanese source.',
      reasonRequired: 'Give a reason first.',
      notFound: 'This document no longer exists.',
      contentChanged:
        'The text was saved again since the panel showed it, so nothing was done. The panel now shows the current text: read it, then decide again.',
      failed: 'The action failed ({{status}}). Try again in a moment.',
    },
    value: { true: 'Yes', false: 'No' },
    field: {
      key: 'Key',
      icon: 'Icon',
      order: 'Order',
      retired: 'Retired',
      name: 'Name',
      description: 'Description',
      dataUsageNote: 'Data-use note',
      title: 'Title',
      intro: 'Introduction',
      notNamedNote: 'Why partners are not named',
      columnLabels: {
        type: 'Column label: type',
        description: 'Column label: description',
        dataUsageNote: 'Column label: data-use note',
      },
      authoritativeLanguageNote: 'Authoritative language note',
    },
  },
  ja: {
    title: 'レビュー',
    locale: '言語: {{locale}}',
    loading: 'レビュー状況を読み込んでいます…',
    loadFailed: 'レビュー状況を読み込めませんでした({{status}})。ページを再読み込みしてください。',
    state: '状態',
    lastAction: '最終操作: {{date}} {{actor}} が「{{action}}」',
    submitterNote: '{{actor}} からレビュー担当者へのメモ',
    changes: {
      title: '承認済みの版からの変更',
      against: '{{date}}に承認された版と現在の内容を比較しています。',
      neverApproved: 'この言語ではまだ一度も承認されていません。すべての内容が新規です。',
      none: '承認済みの版から変更はありません。',
      legend: '追加された文言には下線、削除された文言には取り消し線が付いています。',
    },
    note: {
      label: 'レビュー担当者へのメモ(任意)',
      description: 'この提出と一緒にレビュー担当者に表示され、履歴に残ります。',
    },
    reason: {
      label: '理由',
      description:
        '修正を依頼する場合、または原文の変更が翻訳に影響しないことを確認する場合に必須です。',
    },
    fourEyes:
      'あなたは前回の承認後にこの内容を変更したため、承認は別の担当者が行う必要があります。',
    stale: {
      title: '日本語の原文が変更されました',
      approvedAt: 'この翻訳の提出後、日本語の原文が変更され、{{date}}に承認されました。',
      notDated: 'この翻訳の提出後、日本語の原文が変更されました。',
      whatToDo:
        '翻訳を更新して再提出するか、レビュー担当者が変更は翻訳に影響しないことを確認してください。',
    },
    history: {
      title: '履歴',
      empty: 'この言語ではまだ操作の記録がありません。',
      entry: '{{actor}} が「{{action}}」',
      stateChange: '{{from}}から{{to}}へ',
      action: {
        import: '原文ファイルから取り込み',
        publish: '公開',
        rollback: 'ロールバック',
        delete: '削除',
        'objection-received': '異議の受付',
        'objection-acknowledged': '異議の受付をメールで通知',
        'objection-closed': '異議の締めくくり',
        'site-settings-change': 'サイト設定の変更',
        'site-settings-restore': 'サイト設定をバージョンから復元',
      },
    },
    done: {
      submit: 'レビューに提出しました。',
      withdraw: '提出を取り下げました。',
      approve: '承認しました。',
      'request-changes': '修正を依頼しました。',
      'confirm-source': '原文の変更がこの翻訳に影響しないことを記録しました。',
    },
    error: {
      signedOut: 'セッションが終了しました。再度ログインしてから、もう一度お試しください。',
      notAllowed: 'あなたの役割では、この言語でこの操作を行うことはできません。',
      fourEyes:
        '二者確認の原則: あなたは前回の承認後にこの内容を変更したため、承認は別の担当者が行う必要があります。',
      stateChanged:
        'その間に他の担当者がレビューの状態を変更しました。パネルには現在の状態が表示されています。',
      nothingToSubmit: 'この言語にはまだ本文がないため、レビューに提出する内容がありません。',
      stale:
        'この翻訳の提出後に日本語の原文が変更されました。翻訳を更新して再提出するか、変更が影響しないことを確認してください。',
      notStale: 'この翻訳は、すでに現在承認されている日本語の原文を翻訳したものです。',
      reasonRequired: '先に理由を入力してください。',
      notFound: 'この文書はすでに存在しません。',
      contentChanged:
        'パネルの表示後に本文が再度保存されたため、操作は行われていません。パネルには現在の本文が表示されています。確認してから、改めて判断してください。',
      failed: '操作に失敗しました({{status}})。しばらくしてからもう一度お試しください。',
    },
    value: { true: 'はい', false: 'いいえ' },
    field: {
      key: 'キー',
      icon: 'アイコン',
      order: '表示順',
      retired: '廃止',
      name: '名称',
      description: '説明',
      dataUsageNote: 'データ使用上の注意',
      title: 'タイトル',
      intro: '導入文',
      notNamedNote: 'パートナー名を公開しない理由',
      columnLabels: {
        type: '列見出し: タイプ',
        description: '列見出し: 説明',
        dataUsageNote: '列見出し: データ使用上の注意',
      },
      authoritativeLanguageNote: '正文言語に関する注記',
    },
  },
})
