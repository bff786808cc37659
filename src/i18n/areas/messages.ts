import { defineStrings } from '../defineStrings'

/**
 * Messages the server sends that the admin shows: refused saves, workflow refusals, XLIFF file
 * problems, bulk results. Built on the server in the request's language (see `sayFor` in
 * ../adminText.ts); the English texts are what API clients that name no language receive.
 */
export const messagesStrings = defineStrings({
  en: {
    listSeparator: ', ',
    users: {
      passwordTooShort: 'the password must have at least {{min}} characters (it has {{length}})',
      passwordClasses:
        'the password must mix at least two of: lowercase letters, uppercase letters, digits, symbols',
      passwordDistinct: 'the password repeats too few distinct characters',
      passwordEmail: 'the password must not contain the email address',
      lockedOut:
        'Too many failed sign-ins for this email from this address: {{max}} in a row. Try again in {{seconds}} s, or ask an administrator to unlock the account.',
      signInRateLimited:
        'Too many sign-in attempts from this address: at most {{limit}} per {{window}} s. Try again in {{seconds}} s.',
      onlyAdminChanges: {
        role: "Only an administrator can change a user's role.",
        assignedLocales: "Only an administrator can change a user's assigned locales.",
      },
      passwordResetByEmail:
        'Password reset by email is not available: no mail server is configured (KAIJI_SMTP_URL), so the link could not reach you. Ask an administrator to set a new password for you.',
      translatorNeedsLocale: 'A translator needs at least one assigned locale.',
    },
    fields: {
      requiredInSource: 'This field is required in the source locale ({{locale}}).',
    },
    edits: {
      localeNotYours:
        'You may not change this content: the request would change {{changes}}, which your role does not edit. Nothing was saved.',
      localeChange: '{{localeName}} ({{fields}})',
      approvedStaysOnRecord:
        'This document was approved ({{locales}}) and stays on record: retire it instead (the "Retired" checkbox), which goes through review and leaves the public page with the next release.',
      nothingChanged: 'Nothing was changed: {{reasons}}',
      nothingDeleted: 'Nothing was deleted: {{reasons}}',
      documentRefused: 'id {{id}}: {{message}}',
      restoreWholeVersion:
        'Restoring a whole version is refused: a version holds every locale at once, while each locale is reviewed on its own. Restore one locale\'s text as a draft instead: POST {{path}} {"version": "<version id>", "locale": "<locale>"}; it is an ordinary edit of that locale, reviewed before it can be published.',
    },
    workflow: {
      noDocument: 'No such document: it may have been deleted.',
      needsReason: '"{{action}}" needs a reason.',
      onlyEditors: 'Only editors of {{localeName}} content may {{verb}}.',
      onlyReviewers: 'Only legal reviewers and admins may {{verb}}.',
      wrongState: 'Cannot {{verb}} from "{{stateName}}" (allowed from: {{allowedNames}}).',
      fourEyes:
        'Four-eyes rule: you changed this content since its last approval, so someone else must approve it.',
      staleApproval:
        'The {{source}} source changed since this {{locale}} translation was submitted: update and resubmit it, or have a reviewer confirm (with a reason) that the change does not affect it.',
      emptySubmission:
        'The {{locale}} content has no text yet: there is nothing to submit for review.',
      confirmSourceIsSource: '"confirm-source" is for translations; {{locale}} is the source.',
      confirmSourceNeedsReason:
        '"confirm-source" needs a reason: why the source change does not affect this translation.',
      confirmSourceOnlyReviewers:
        'Only legal reviewers and admins may confirm that a source change does not affect a translation.',
      confirmSourceNotStale:
        'The {{locale}} translation is not stale: it already translates the current approved source.',
      contentChanged:
        'The text was saved again since you read it, so nothing was done: read the current text, then decide again.',
    },
    xliff: {
      tooLarge: 'The request body is larger than {{megabytes}} MB.',
      empty: 'The body is empty: send the XLIFF file as the request body.',
      unsupportedEncoding:
        'The file is encoded in {{encoding}}, which cannot be read here; save it as UTF-8 (or UTF-16).',
      invalidEncoding:
        'The file is not valid {{encoding}}: some bytes are not characters in the encoding it declares, and nothing was written. Save it again as UTF-8.',
      noTargetLanguage: 'The file has no trgLang: it must name the target locale.',
      noTargetLanguage12:
        'The file has no target-language on its <file> elements: it must name the target locale.',
      targetIsSource:
        '{{prefix}}{{locale}} is the source language; choose a target locale ({{targets}}).',
      unknownTarget: '{{prefix}}Unknown target locale {{locale}}; use one of {{targets}}.',
      notYourLocale: 'You translate {{yours}}, not {{locale}}.',
      noLocale: 'no locale',
      roleMayNotEdit: 'Your role may not edit {{locale}} content.',
      roleMayNotImport: 'Your role may not edit translations, so it may not import them.',
      doctype: 'The file has a DOCTYPE; XLIFF files have none (and none is processed here).',
      notWellFormed: 'The file is not well-formed XML ({{detail}}).',
      tooDeep:
        'The file nests elements more than {{levels}} levels deep; no XLIFF file needs that.',
      parsePosition: 'line {{line}}, column {{column}}: {{detail}}',
      notXliff:
        'The root element must be <xliff> in the namespace {{namespace}} (XLIFF 2.0) or {{namespace12}} (XLIFF 1.2).',
      unsupportedVersion:
        'XLIFF version {{version}} in the namespace {{namespace}} is not supported; XLIFF 2.0 (or 2.1) and 1.2 are: export a file from here in either.',
      languagesDiffer:
        'The files in this XLIFF 1.2 document name different languages in {{attribute}} ({{values}}); one document translates into one language.',
      wrongSourceLanguage: 'srcLang is {{given}}; the source language here is {{source}}.',
      repeatedUnit: 'Unit {{unit}} appears more than once.',
      unknownUnit: 'Unknown unit {{unit}}: nothing with that id is translatable now.',
      wrongFile: 'Unit {{unit}} belongs in file {{expected}}, not {{given}}.',
      segmentsDiffer:
        "Unit {{unit}}: segments {{given}} do not match the source's {{expected}}; export the file again.",
      andMore: '… ({{count}} in all)',
      none: '(none)',
      mixedSegmentIds:
        'Unit {{unit}}: some segments have ids and some do not; give all of them the ids of the export, or none (then they are matched in order).',
      segmentCountDiffers:
        'Unit {{unit}}: the file has {{given}} segments without ids and the source has {{expected}} ({{ids}}); segments without ids are matched in order, so their number must be the same. A tool that merges or drops segments cannot return this unit: in XLIFF 1.2, mark each segment of the target with <mrk mtype="seg" mid="…">.',
      where: 'Unit {{unit}}, segment {{segment}}',
      codePoint:
        '{{where}}: <cp> (in XLIFF 1.2, <x ctype="x-codepoint-…">) needs a hexadecimal code point up to 10FFFF.',
      moreProblems: '{{where}}: more problems; the rest of this segment was not read.',
      oddCharacter:
        '{{where}}: the target has {{character}}, a character XML does not allow and the source does not have; remove it.',
      unknownCode:
        '{{where}}: inline element <{{element}} id="{{id}}"> does not match any code of the source segment.',
      unsupportedElement:
        "{{where}}: inline element <{{element}}> is not supported here; keep the source's <pc> and <ph> codes.",
      unsupportedElement12:
        "{{where}}: inline element <{{element}}> is not supported here; keep the source's <g> and <x> codes.",
      nativeCode12:
        "{{where}}: inline element <{{element}}> carries the original format's code, which Kaiji's text has none of; keep the source's <g> and <x> codes.",
      isolatedSpan:
        '{{where}}: <{{element}} isolated="yes"> opens or closes formatting across segments, which a segment here cannot have; close it in the segment that opens it.',
      unopenedSpan:
        '{{where}}: <{{element}}> closes {{id}}, which no start marker in the segment opened.',
      unclosedSpan:
        '{{where}}: the formatting opened with id {{id}} is never closed in the segment.',
      codesDiffer: '{{where}}: inline elements differ from the source ({{differences}}).',
      missingCodes: 'missing id {{ids}}',
      unknownCodes: 'unknown id {{ids}}',
      repeatedCodes: 'repeated id {{ids}}',
      missingUnits: 'Missing units (export the file again, or keep every unit): {{units}}.',
    },
    bulk: {
      failed: 'The action failed on this document; nothing of it was written.',
      roleMayNot: 'Your role may not {{action}} {{locale}} content.',
    },
    tmx: {
      signIn: 'Sign in to export the translation memory.',
      roleMayNotExport:
        'Your role may not export the translation memory of {{locale}}: translators of that language, legal editors and admins may.',
    },
  },
  ja: {
    listSeparator: '、',
    users: {
      passwordTooShort: 'パスワードは{{min}}文字以上にしてください（現在{{length}}文字です）。',
      passwordClasses:
        'パスワードには英小文字・英大文字・数字・記号のうち2種類以上を含めてください。',
      passwordDistinct: 'パスワードに使われている文字の種類が少なすぎます。',
      passwordEmail: 'パスワードにメールアドレスを含めないでください。',
      lockedOut:
        'このメールアドレスでこの接続元からのサインインに{{max}}回続けて失敗しました。{{seconds}}秒後にもう一度お試しいただくか、管理者にアカウントのロック解除を依頼してください。',
      signInRateLimited:
        'この接続元からのサインインの試行が多すぎます（{{window}}秒あたり{{limit}}回まで）。{{seconds}}秒後にもう一度お試しください。',
      onlyAdminChanges: {
        role: 'ユーザーの役割を変更できるのは管理者だけです。',
        assignedLocales: 'ユーザーの担当言語を変更できるのは管理者だけです。',
      },
      passwordResetByEmail:
        'メールによるパスワードの再設定はできません（メールサーバー KAIJI_SMTP_URL が設定されていないため、リンクを届けられません）。管理者に新しいパスワードの設定を依頼してください。',
      translatorNeedsLocale: '翻訳者には担当言語を1つ以上割り当ててください。',
    },
    fields: {
      requiredInSource: 'この項目は原文（{{localeName}}）では必須です。',
    },
    edits: {
      localeNotYours:
        'この内容は変更できません。この操作は{{changes}}を変更しますが、あなたの役割ではその言語を編集できません。何も保存されていません。',
      localeChange: '{{localeName}}（{{fields}}）',
      approvedStaysOnRecord:
        'この文書は承認済み（{{locales}}）のため、記録として残ります。削除せずに「廃止」にチェックを入れてください。廃止はレビューを経て、次のリリースで公開ページから外れます。',
      nothingChanged: '何も変更されていません：{{reasons}}',
      nothingDeleted: '何も削除されていません：{{reasons}}',
      documentRefused: '文書 {{id}}：{{message}}',
      restoreWholeVersion:
        '版全体の復元はできません。版はすべての言語を含みますが、レビューは言語ごとに行います。言語ごとの復元（POST {{path}}）で1つの言語の文面を下書きとして復元してください。通常の編集と同じく、公開前にレビューを受けます。',
    },
    workflow: {
      noDocument: 'この文書は見つかりません。削除された可能性があります。',
      needsReason: '「{{actionName}}」には理由の入力が必要です。',
      onlyEditors: '「{{actionName}}」ができるのは{{localeName}}の編集者だけです。',
      onlyReviewers: '「{{actionName}}」ができるのは法務レビュアーと管理者だけです。',
      wrongState:
        '状態が「{{stateName}}」のため「{{actionName}}」はできません（可能な状態：{{allowedNames}}）。',
      fourEyes:
        '4つの目の原則：あなたは前回の承認後にこの内容を変更したため、ほかの人が承認する必要があります。',
      staleApproval:
        'この{{localeName}}の翻訳が提出された後に原文（{{sourceName}}）が変更されました。翻訳を更新して再提出するか、原文の変更が影響しないことをレビュアーに（理由を添えて）確認してもらってください。',
      emptySubmission:
        '{{localeName}}の内容にはまだ文面がないため、レビューに提出できるものがありません。',
      confirmSourceIsSource:
        '「原文の変更は影響しないことを確認」は翻訳のための操作です。{{localeName}}は原文です。',
      confirmSourceNeedsReason:
        '「原文の変更は影響しないことを確認」には、原文の変更がこの翻訳に影響しない理由の入力が必要です。',
      confirmSourceOnlyReviewers:
        '原文の変更が翻訳に影響しないことを確認できるのは法務レビュアーと管理者だけです。',
      confirmSourceNotStale:
        'この{{localeName}}の翻訳は古くなっていません。現在承認されている原文をすでに翻訳しています。',
      contentChanged:
        'お読みになった後に本文が再度保存されたため、操作は行われていません。現在の本文を確認してから、改めて判断してください。',
    },
    xliff: {
      tooLarge: 'ファイルが大きすぎます（{{megabytes}} MB まで）。',
      empty: 'ファイルが空です。XLIFF ファイルを選んでください。',
      unsupportedEncoding:
        'ファイルの文字コード {{encoding}} はここでは読み込めません。UTF-8（または UTF-16）で保存し直してください。',
      invalidEncoding:
        'ファイルが正しい {{encoding}} ではありません。宣言された文字コードの文字でないバイトが含まれているため、何も書き込まれていません。UTF-8 で保存し直してください。',
      noTargetLanguage: 'ファイルに翻訳先の言語（trgLang）がありません。',
      noTargetLanguage12: 'ファイルの <file> 要素に翻訳先の言語（target-language）がありません。',
      targetIsSource:
        '{{prefix}}{{localeName}}は原文の言語です。翻訳先の言語（{{targetNames}}）を選んでください。',
      unknownTarget:
        '{{prefix}}翻訳先の言語 {{locale}} はありません。{{targetNames}}のいずれかにしてください。',
      notYourLocale: 'あなたの担当言語は{{yoursNames}}で、{{localeName}}ではありません。',
      noLocale: 'なし',
      roleMayNotEdit: 'あなたの役割では{{localeName}}の内容を編集できません。',
      roleMayNotImport: 'あなたの役割では翻訳を編集できないため、取り込みもできません。',
      doctype:
        'ファイルに DOCTYPE があります。XLIFF のファイルには DOCTYPE はありません（ここでは処理しません）。',
      notWellFormed: 'ファイルが正しい XML ではありません（{{detail}}）。',
      tooDeep:
        'ファイルの要素の入れ子が {{levels}} 階層を超えています。XLIFF ファイルでそこまで必要になることはありません。',
      parsePosition: '{{line}}行{{column}}列：{{detail}}',
      notXliff:
        'ルート要素は名前空間 {{namespace}}（XLIFF 2.0）または {{namespace12}}（XLIFF 1.2）の <xliff> である必要があります。',
      unsupportedVersion:
        '名前空間 {{namespace}} の XLIFF バージョン {{version}} には対応していません。対応しているのは XLIFF 2.0（2.1）と 1.2 です。ここからどちらかで書き出してください。',
      languagesDiffer:
        'この XLIFF 1.2 文書のファイルの {{attribute}} が異なる言語を示しています（{{values}}）。1つの文書の翻訳先は1つの言語です。',
      wrongSourceLanguage:
        '原文の言語（srcLang）が {{given}} です。ここでの原文の言語は{{sourceName}}です。',
      repeatedUnit: 'ユニット {{unit}} が複数回出てきます。',
      unknownUnit: 'ユニット {{unit}} は不明です。現在この ID の翻訳対象はありません。',
      wrongFile:
        'ユニット {{unit}} はファイル {{expected}} に属します（{{given}} ではありません）。',
      segmentsDiffer:
        'ユニット {{unit}}：セグメント {{given}} が原文のセグメント {{expected}} と一致しません。ファイルを書き出し直してください。',
      none: '（なし）',
      andMore: '…（全{{count}}件）',
      mixedSegmentIds:
        'ユニット {{unit}}：ID のあるセグメントとないセグメントが混在しています。すべてに書き出し時の ID を付けるか、すべて付けないでください（その場合は順番で対応付けます）。',
      segmentCountDiffers:
        'ユニット {{unit}}：ファイルには ID のないセグメントが {{given}} 個あり、原文には {{expected}} 個（{{ids}}）あります。ID のないセグメントは順番で対応付けるため、数が同じである必要があります。セグメントを結合または削除するツールではこのユニットを戻せません。XLIFF 1.2 では訳文の各セグメントを <mrk mtype="seg" mid="…"> で示してください。',
      where: 'ユニット {{unit}}、セグメント {{segment}}',
      codePoint:
        '{{where}}：<cp>（XLIFF 1.2 では <x ctype="x-codepoint-…">）には 10FFFF までの16進数のコードポイントが必要です。',
      moreProblems: '{{where}}：ほかにも問題があります。このセグメントの残りは読み込んでいません。',
      oddCharacter:
        '{{where}}：訳文に {{character}} が含まれています。XML で使えない文字で、原文にもありません。削除してください。',
      unknownCode:
        '{{where}}：インライン要素 <{{element}} id="{{id}}"> は原文のセグメントのどのコードとも一致しません。',
      unsupportedElement:
        '{{where}}：インライン要素 <{{element}}> には対応していません。原文の <pc> と <ph> のコードをそのまま残してください。',
      unsupportedElement12:
        '{{where}}：インライン要素 <{{element}}> には対応していません。原文の <g> と <x> のコードをそのまま残してください。',
      nativeCode12:
        '{{where}}：インライン要素 <{{element}}> は元の形式のコードを含みますが、ここの本文にはそのようなコードはありません。原文の <g> と <x> のコードをそのまま残してください。',
      isolatedSpan:
        '{{where}}：<{{element}} isolated="yes"> はセグメントをまたいで書式を開始または終了しますが、ここのセグメントではできません。開始したセグメント内で閉じてください。',
      unopenedSpan:
        '{{where}}：<{{element}}> は ID {{id}} を閉じていますが、セグメント内でそれを開始する要素がありません。',
      unclosedSpan: '{{where}}：ID {{id}} で開始した書式がセグメント内で閉じられていません。',
      codesDiffer: '{{where}}：インライン要素が原文と異なります（{{differences}}）。',
      missingCodes: '不足している ID {{ids}}',
      unknownCodes: '不明な ID {{ids}}',
      repeatedCodes: '重複している ID {{ids}}',
      missingUnits:
        'ユニットが足りません（ファイルを書き出し直すか、すべてのユニットを残してください）：{{units}}',
    },
    bulk: {
      failed: 'この文書では操作に失敗しました。この文書については何も書き込まれていません。',
      roleMayNot: 'あなたの役割では{{localeName}}の内容に対して「{{actionName}}」はできません。',
    },
    tmx: {
      signIn: '翻訳メモリを書き出すにはログインしてください。',
      roleMayNotExport:
        'あなたの役割では{{localeName}}の翻訳メモリを書き出せません。書き出せるのはその言語の翻訳者、法務編集者、管理者です。',
    },
  },
})
