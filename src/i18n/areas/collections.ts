import { defineStrings } from '../defineStrings'

/** Collection, global and field labels and descriptions, and the record views. */
export const collectionsStrings = defineStrings({
  en: {
    categories: {
      singular: 'Partner category',
      plural: 'Partner categories',
      key: 'Key',
      keyDescription:
        'Stable identifier used by the delivery API and the public page; never reuse one.',
      keyInvalid: 'The key is lowercase words joined by hyphens, e.g. cloud-platform.',
      icon: 'Icon',
      iconDescription:
        'Emoji shown with the name, kept exactly as in the source (every code point).',
      order: 'Order',
      retired: 'Retired',
      retiredDescription:
        'A retired category leaves the public page with the next release once this change is approved.',
      name: 'Name',
      sourceName: 'Japanese name (source)',
      description: 'Description',
      dataUsageNote: 'Data-use note',
    },
    page: {
      label: 'Partners page',
      title: 'Title',
      intro: 'Introduction',
      notNamedNote: 'Why partners are not named',
      columnLabels: 'Column labels',
      columnType: 'Type',
      columnDescription: 'Description',
      columnDataUsageNote: 'Data-use note',
      authoritativeLanguageNote: 'Authoritative-language note',
      authoritativeLanguageNoteDescription:
        'States that the Japanese version prevails. The source has none: editors write it.',
    },
    siteSettings: {
      label: 'Site settings',
      description:
        'The public site’s name, logo, privacy-policy link and footer line. Not disclosure text: a save by an administrator applies to the public pages at once, and is recorded in the audit trail and kept as a version. Other languages show the Japanese value where theirs is empty.',
      siteName: 'Site name',
      siteNameDescription: 'Shown at the top of every public page, beside the logo.',
      logo: 'Logo',
      logoDescription: 'A PNG, WebP or SVG image of at most 32 KB, shown beside the site name.',
      logoPreview: '{{label}}: current image',
      noLogo: 'No logo.',
      removeLogo: 'Remove the logo',
      privacyPolicyUrl: 'Privacy policy link',
      privacyPolicyUrlDescription:
        'An https:// address or a path on this site starting with / (for example /privacy). Linked from the header of every public page.',
      footerNote: 'Footer line',
      footerNoteDescription:
        'A short line at the foot of every public page (for example the company name).',
    },
    localeName: { ja: 'Japanese', en: 'English', fr: 'French', ru: 'Russian' },
    staleSave:
      'Someone else saved this {{locale}} content since you opened it (you edited revision {{claimed}}, it is now at revision {{stored}}). Nothing was saved: reload to see their change, then apply yours again.',
    structureField: { key: 'key', icon: 'icon', order: 'order', retired: 'retired' },
    translatorStructureOne:
      'Translators edit translatable text only; {{fields}} is the same in every locale and set by legal editors.',
    translatorStructureMany:
      'Translators edit translatable text only; {{fields}} are the same in every locale and set by legal editors.',
  },
  ja: {
    categories: {
      singular: 'パートナーカテゴリ',
      plural: 'パートナーカテゴリ',
      key: 'キー',
      keyDescription:
        '配信 API と公開ページで使う固定の識別子です。一度使ったものは再利用しないでください。',
      keyInvalid: 'キーは小文字の英数字の語をハイフンでつないだものです（例：cloud-platform）。',
      icon: 'アイコン',
      iconDescription:
        '名前と一緒に表示する絵文字です。原文のとおり（すべての文字を）そのまま保持します。',
      order: '表示順',
      retired: '廃止',
      retiredDescription:
        '廃止したカテゴリは、この変更が承認された後の次のリリースで公開ページから外れます。',
      name: '名前',
      sourceName: '日本語の名前（原文）',
      description: '説明',
      dataUsageNote: 'データ使用上の注意',
    },
    page: {
      label: 'パートナーページ',
      title: 'タイトル',
      intro: '導入文',
      notNamedNote: 'パートナー名を公表しない理由',
      columnLabels: '列の見出し',
      columnType: 'タイプ',
      columnDescription: '説明',
      columnDataUsageNote: 'データ使用上の注意',
      authoritativeLanguageNote: '正文に関する注記',
      authoritativeLanguageNoteDescription:
        '日本語版が優先することを記載します。原文にはないため、編集者が作成します。',
    },
    siteSettings: {
      label: 'サイト設定',
      description:
        '公開サイトの名前・ロゴ・プライバシーポリシーへのリンク・フッターの一行です。開示文ではないため、管理者が保存するとすぐに公開ページに反映され、監査証跡に記録されてバージョンとして残ります。空欄の言語では日本語の値が表示されます。',
      siteName: 'サイト名',
      siteNameDescription: 'すべての公開ページの上部に、ロゴと並べて表示されます。',
      logo: 'ロゴ',
      logoDescription: '32 KB 以下の PNG・WebP・SVG 画像です。サイト名の横に表示されます。',
      logoPreview: '{{label}}:現在の画像',
      noLogo: 'ロゴはありません。',
      removeLogo: 'ロゴを削除',
      privacyPolicyUrl: 'プライバシーポリシーのリンク',
      privacyPolicyUrlDescription:
        'https:// で始まるアドレス、または / で始まるこのサイト内のパス(例: /privacy)です。すべての公開ページのヘッダーからリンクされます。',
      footerNote: 'フッターの一行',
      footerNoteDescription: 'すべての公開ページの下部に表示する短い一行です(例: 会社名)。',
    },
    localeName: { ja: '日本語', en: '英語', fr: 'フランス語', ru: 'ロシア語' },
    staleSave:
      'この{{localeName}}の内容は、あなたが開いた後に別の人が保存しました（あなたが編集したのは第 {{claimed}} 版、現在は第 {{stored}} 版です）。何も保存されていません。再読み込みして相手の変更を確認してから、もう一度変更を加えてください。',
    structureField: { key: 'キー', icon: 'アイコン', order: '表示順', retired: '廃止' },
    translatorStructureOne:
      '翻訳者が編集できるのは翻訳対象のテキストだけです。「{{fields}}」はすべての言語で共通で、法務編集者が設定します。',
    translatorStructureMany:
      '翻訳者が編集できるのは翻訳対象のテキストだけです。「{{fields}}」はすべての言語で共通で、法務編集者が設定します。',
  },
})
