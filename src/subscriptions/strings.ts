import { isLocaleCode, type LocaleCode } from '../config/locales'
import type { SubscriptionScope } from './subscriptionTerms'

/** What subscribers read, in their language: emails and the subscription pages. Templates use {placeholders}. */
export type SubscriptionStrings = {
  scopes: Record<SubscriptionScope, string>
  pageName: string
  authoritative: string
  unsubscribeLine: string
  confirm: {
    subject: string
    body: string
    action: string
    expires: string
    ignore: string
  }
  notice: {
    announcedSubject: string
    reminderSubject: string
    editorialSubject: string
    withdrawnSubject: string
    announcedIntro: string
    reminderIntro: string
    editorialIntro: string
    withdrawnIntro: string
    replacedBy: string
    stillInEffect: string
    summary: string
    changes: string
    noTextChanges: string
    firstRelease: string
    pageText: string
    changedCategory: string
    addedCategory: string
    removedCategory: string
    effective: string
    read: string
    object: string
    objectUntil: string
  }
  pages: {
    requested: string
    confirmTitle: string
    confirmButton: string
    confirmed: string
    linkInvalid: string
    unsubscribeTitle: string
    unsubscribeButton: string
    unsubscribed: string
  }
}

const ja: SubscriptionStrings = {
  scopes: { material: '重要な変更のみ', all: 'すべての変更' },
  pageName: '第三者提供先（パートナー）のページ',
  authoritative: '内容に相違がある場合は、日本語版が優先されます。',
  unsubscribeLine: '配信を停止するには: {url}',
  confirm: {
    subject: '購読の確認: {page}',
    body: '{page}の変更のお知らせ（日本語、{scope}）の購読が申し込まれました。',
    action: '購読を確認するには、次のページを開いてボタンを押してください: {url}',
    expires: 'このリンクは{hours}時間有効で、一度だけ使えます。',
    ignore: 'お心当たりがない場合は、このメールを無視してください。購読は開始されません。',
  },
  notice: {
    announcedSubject: '予告: リリース{n}が{date}に発効します（{changeType}）',
    reminderSubject: 'リマインダー: リリース{n}が{date}に発効します',
    editorialSubject: 'リリース{n}を公開しました（{changeType}）',
    withdrawnSubject: '取り消し: 予告したリリース{n}は発効しません',
    announcedIntro: '{page}の変更を予告します。',
    reminderIntro: '予告済みの{page}の変更が間もなく発効します。',
    editorialIntro: '{page}を更新しました。',
    withdrawnIntro: '{date}に発効すると予告したリリース{n}は発効しません。',
    replacedBy: '代わりにリリース{n}（{date}発効）が公開されました: {summary}',
    stillInEffect: '現在の内容が引き続き有効です。',
    summary: '変更の概要: {summary}',
    changes: '変更箇所（[-削除-]{+追加+}）:',
    noTextChanges: '本文に変更はありません。',
    firstRelease: '最初の公開のため、比較する以前の版はありません。',
    pageText: 'ページ本文',
    changedCategory: '変更: {name}',
    addedCategory: '追加: {name}',
    removedCategory: '削除: {name}',
    effective: '発効日時: {date}',
    read: '全文と変更箇所: {url}',
    object: 'この変更に異議を申し立てるには（発効日時まで）: {url}',
    objectUntil: '{date}まで',
  },
  pages: {
    requested:
      'お申し込みを受け付けました。このアドレスで購読できる場合は、確認のためのリンクをメールでお送りしました。',
    confirmTitle: '購読の確認',
    confirmButton: '購読を確認する',
    confirmed: '購読を確認しました。変更があるとメールでお知らせします。',
    linkInvalid:
      'このリンクは無効か、期限切れか、すでに使用されています。もう一度お申し込みください。',
    unsubscribeTitle: '配信の停止',
    unsubscribeButton: '配信を停止する',
    unsubscribed: '配信を停止しました。今後このアドレスにお知らせは届きません。',
  },
}

const en: SubscriptionStrings = {
  scopes: { material: 'material changes only', all: 'all changes' },
  pageName: 'the third-party partners page',
  authoritative: 'In case of discrepancy, the Japanese version prevails.',
  unsubscribeLine: 'To unsubscribe: {url}',
  confirm: {
    subject: 'Confirm your subscription: {page}',
    body: 'Someone asked to be told by email of changes to {page} (English, {scope}).',
    action: 'To confirm, open this page and press its button: {url}',
    expires: 'The link works once, for {hours} hours.',
    ignore: 'If this was not you, ignore this email: nothing will be sent to you.',
  },
  notice: {
    announcedSubject: 'Announced: release {n} takes effect on {date} ({changeType})',
    reminderSubject: 'Reminder: release {n} takes effect on {date}',
    editorialSubject: 'Release {n} published ({changeType})',
    withdrawnSubject: 'Withdrawn: announced release {n} will not take effect',
    announcedIntro: 'We are announcing a change to {page}.',
    reminderIntro: 'An announced change to {page} takes effect soon.',
    editorialIntro: 'We have updated {page}.',
    withdrawnIntro: 'Release {n}, announced to take effect on {date}, will not take effect.',
    replacedBy: 'Release {n} (effective {date}) was published instead: {summary}',
    stillInEffect: 'The text in effect now remains in effect.',
    summary: 'Summary: {summary}',
    changes: 'What changes ([-removed-]{+added+}):',
    noTextChanges: 'No text changes.',
    firstRelease: 'This is the first release; there is no earlier version to compare with.',
    pageText: 'Page text',
    changedCategory: 'Changed: {name}',
    addedCategory: 'Added: {name}',
    removedCategory: 'Removed: {name}',
    effective: 'Takes effect: {date}',
    read: 'Full text and redline: {url}',
    object: 'To object to this change (until it takes effect): {url}',
    objectUntil: 'until {date}',
  },
  pages: {
    requested:
      'Thank you. If this address can subscribe, we have sent it an email with a link to confirm.',
    confirmTitle: 'Confirm your subscription',
    confirmButton: 'Confirm subscription',
    confirmed: 'Your subscription is confirmed. We will email you when this page changes.',
    linkInvalid:
      'This link is not valid: it has expired or was already used. Please subscribe again.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeButton: 'Unsubscribe',
    unsubscribed: 'You are unsubscribed. This address will receive no more notices.',
  },
}

const fr: SubscriptionStrings = {
  scopes: { material: 'changements importants uniquement', all: 'tous les changements' },
  pageName: 'la page des partenaires tiers',
  authoritative: 'En cas de divergence, la version japonaise prévaut.',
  unsubscribeLine: 'Pour vous désabonner : {url}',
  confirm: {
    subject: 'Confirmez votre abonnement : {page}',
    body: 'Quelqu’un a demandé à être informé par e-mail des changements de {page} (français, {scope}).',
    action: 'Pour confirmer, ouvrez cette page et appuyez sur son bouton : {url}',
    expires: 'Le lien ne sert qu’une fois, pendant {hours} heures.',
    ignore: 'Si ce n’était pas vous, ignorez cet e-mail : rien ne vous sera envoyé.',
  },
  notice: {
    announcedSubject: 'Annonce : la version {n} entre en vigueur le {date} ({changeType})',
    reminderSubject: 'Rappel : la version {n} entre en vigueur le {date}',
    editorialSubject: 'Version {n} publiée ({changeType})',
    withdrawnSubject: 'Retrait : la version {n} annoncée n’entrera pas en vigueur',
    announcedIntro: 'Nous annonçons un changement de {page}.',
    reminderIntro: 'Un changement annoncé de {page} entre bientôt en vigueur.',
    editorialIntro: 'Nous avons mis à jour {page}.',
    withdrawnIntro:
      'La version {n}, annoncée pour entrer en vigueur le {date}, n’entrera pas en vigueur.',
    replacedBy: 'La version {n} (en vigueur le {date}) a été publiée à la place : {summary}',
    stillInEffect: 'Le texte en vigueur reste en vigueur.',
    summary: 'Résumé : {summary}',
    changes: 'Ce qui change ([-supprimé-]{+ajouté+}) :',
    noTextChanges: 'Aucun changement de texte.',
    firstRelease: 'C’est la première version ; il n’y a pas de version antérieure à comparer.',
    pageText: 'Texte de la page',
    changedCategory: 'Modifié : {name}',
    addedCategory: 'Ajouté : {name}',
    removedCategory: 'Supprimé : {name}',
    effective: 'Entrée en vigueur : {date}',
    read: 'Texte complet et modifications : {url}',
    object: 'Pour vous opposer à ce changement (jusqu’à son entrée en vigueur) : {url}',
    objectUntil: 'jusqu’au {date}',
  },
  pages: {
    requested:
      'Merci. Si cette adresse peut s’abonner, nous lui avons envoyé un e-mail avec un lien de confirmation.',
    confirmTitle: 'Confirmez votre abonnement',
    confirmButton: 'Confirmer l’abonnement',
    confirmed: 'Votre abonnement est confirmé. Nous vous écrirons quand cette page changera.',
    linkInvalid:
      'Ce lien n’est pas valide : il a expiré ou a déjà servi. Veuillez vous abonner de nouveau.',
    unsubscribeTitle: 'Désabonnement',
    unsubscribeButton: 'Se désabonner',
    unsubscribed: 'Vous êtes désabonné. Cette adresse ne recevra plus d’avis.',
  },
}

const ru: SubscriptionStrings = {
  scopes: { material: 'только существенные изменения', all: 'все изменения' },
  pageName: 'страницы сторонних партнёров',
  authoritative: 'В случае расхождений преимущественную силу имеет японская версия.',
  unsubscribeLine: 'Чтобы отписаться: {url}',
  confirm: {
    subject: 'Подтвердите подписку: {page}',
    body: 'Кто-то попросил сообщать по электронной почте об изменениях {page} (русский язык, {scope}).',
    action: 'Чтобы подтвердить, откройте эту страницу и нажмите кнопку: {url}',
    expires: 'Ссылка действует один раз в течение {hours} часов.',
    ignore: 'Если это были не вы, просто проигнорируйте это письмо: рассылки не будет.',
  },
  notice: {
    announcedSubject: 'Объявление: выпуск {n} вступает в силу {date} ({changeType})',
    reminderSubject: 'Напоминание: выпуск {n} вступает в силу {date}',
    editorialSubject: 'Опубликован выпуск {n} ({changeType})',
    withdrawnSubject: 'Отмена: объявленный выпуск {n} не вступит в силу',
    announcedIntro: 'Мы объявляем об изменении {page}.',
    reminderIntro: 'Объявленное изменение {page} скоро вступит в силу.',
    editorialIntro: 'Мы обновили текст {page}.',
    withdrawnIntro: 'Выпуск {n}, который должен был вступить в силу {date}, не вступит в силу.',
    replacedBy: 'Вместо него опубликован выпуск {n} (вступает в силу {date}): {summary}',
    stillInEffect: 'Действующий текст остаётся в силе.',
    summary: 'Кратко: {summary}',
    changes: 'Что меняется ([-удалено-]{+добавлено+}):',
    noTextChanges: 'Текст не изменился.',
    firstRelease: 'Это первый выпуск; сравнивать не с чем.',
    pageText: 'Текст страницы',
    changedCategory: 'Изменено: {name}',
    addedCategory: 'Добавлено: {name}',
    removedCategory: 'Удалено: {name}',
    effective: 'Вступает в силу: {date}',
    read: 'Полный текст и изменения: {url}',
    object: 'Чтобы возразить против изменения (до вступления в силу): {url}',
    objectUntil: 'до {date}',
  },
  pages: {
    requested:
      'Спасибо. Если этот адрес может подписаться, мы отправили на него письмо со ссылкой для подтверждения.',
    confirmTitle: 'Подтверждение подписки',
    confirmButton: 'Подтвердить подписку',
    confirmed: 'Подписка подтверждена. Мы напишем, когда страница изменится.',
    linkInvalid:
      'Ссылка недействительна: срок её действия истёк или она уже использована. Подпишитесь ещё раз.',
    unsubscribeTitle: 'Отписка',
    unsubscribeButton: 'Отписаться',
    unsubscribed: 'Вы отписаны. На этот адрес больше не будут приходить уведомления.',
  },
}

const BY_LOCALE: Record<LocaleCode, SubscriptionStrings> = { ja, en, fr, ru }

export const subscriptionStrings = (locale: string): SubscriptionStrings =>
  isLocaleCode(locale) ? BY_LOCALE[locale] : en
