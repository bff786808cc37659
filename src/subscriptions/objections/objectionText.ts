import type { LocaleCode } from '@/config/locales'

/** The objection pages' and acknowledgement's words, in each public locale; {placeholders} are filled in. */
export type ObjectionText = {
  formTitle: string
  formIntro: string
  formWhy: string
  announcedLink: string
  reason: string
  reasonHint: string
  organisation: string
  email: string
  emailHint: string
  submit: string
  receivedTitle: string
  receivedBody: string
  alreadyTitle: string
  alreadyBody: string
  closedTitle: string
  closedBody: string
  supersededBody: string
  notMaterialBody: string
  badLinkTitle: string
  badLinkBody: string
  badInputTitle: string
  mailSubject: string
  mailBody: string
}

const en: ObjectionText = {
  formTitle: 'Object to release {n}',
  formIntro:
    'Release {n} ({summary}) takes effect on {date}. Until then you may object to it here.',
  formWhy:
    'A legal reviewer reads every objection and records an outcome. You can object once to this release.',
  announcedLink: 'Read the announced text and its changes',
  reason: 'Why do you object? (required)',
  reasonHint: 'At most {max} characters.',
  organisation: 'Organisation (optional)',
  email: 'Email for our reply (optional)',
  emailHint: 'Leave empty to be answered at the address this link was sent to.',
  submit: 'Send objection',
  receivedTitle: 'Your objection is recorded',
  receivedBody:
    'We received your objection to release {n} on {date}. A confirmation is on its way by email; a legal reviewer will consider it before the change takes effect.',
  alreadyTitle: 'Your objection is already recorded',
  alreadyBody:
    'You objected to release {n} on {date}; it is being reviewed. Each subscriber objects once per release, so nothing was changed.',
  closedTitle: 'The objection period has ended',
  closedBody: 'Release {n} took effect on {date}; objections to it are no longer taken here.',
  supersededBody:
    'Release {n} was replaced by a later release before taking effect; it takes no objections.',
  notMaterialBody:
    'Release {n} is not a material change; objections are taken for material changes only.',
  badLinkTitle: 'This link is not valid',
  badLinkBody:
    'The objection link is incomplete, altered or meant for another release. Use the link from your notice email as it is.',
  badInputTitle: 'Your objection was not sent',
  mailSubject: 'Your objection to release {n} is recorded',
  mailBody:
    'We received your objection to release {n} of our third-party partners page on {date}.\n\nYour reason:\n{reason}\n\nA legal reviewer will consider it before the change takes effect on {effective}.',
}

const ja: ObjectionText = {
  formTitle: 'リリース {n} への異議',
  formIntro:
    'リリース {n}（{summary}）は {date} に発効します。それまでここから異議を申し立てることができます。',
  formWhy:
    '法務レビュー担当者がすべての異議を読み、結論を記録します。このリリースへの異議は 1 回だけ申し立てられます。',
  announcedLink: '予告された本文と変更点を読む',
  reason: '異議の理由（必須）',
  reasonHint: '{max} 文字以内。',
  organisation: '組織（任意）',
  email: '返信先メールアドレス（任意）',
  emailHint: '空欄の場合は、このリンクが送られたアドレスに返信します。',
  submit: '異議を送信',
  receivedTitle: '異議を受け付けました',
  receivedBody:
    'リリース {n} への異議を {date} に受け付けました。確認のメールをお送りします。変更の発効前に法務レビュー担当者が検討します。',
  alreadyTitle: '異議はすでに受け付けています',
  alreadyBody:
    'リリース {n} への異議は {date} に受け付け、検討中です。異議はリリースごとに 1 回のため、何も変更していません。',
  closedTitle: '異議の受付期間は終了しました',
  closedBody:
    'リリース {n} は {date} に発効しました。このリリースへの異議はここでは受け付けていません。',
  supersededBody:
    'リリース {n} は発効前に後のリリースに置き換えられたため、異議は受け付けていません。',
  notMaterialBody:
    'リリース {n} は重要な変更ではありません。異議は重要な変更についてのみ受け付けます。',
  badLinkTitle: 'このリンクは無効です',
  badLinkBody:
    '異議のリンクが不完全か、改変されているか、別のリリースのものです。通知メールのリンクをそのままお使いください。',
  badInputTitle: '異議は送信されませんでした',
  mailSubject: 'リリース {n} への異議を受け付けました',
  mailBody:
    '第三者パートナーのページのリリース {n} への異議を {date} に受け付けました。\n\n理由：\n{reason}\n\n{effective} の発効前に法務レビュー担当者が検討します。',
}

const fr: ObjectionText = {
  formTitle: 'S’opposer à la version {n}',
  formIntro:
    'La version {n} ({summary}) entre en vigueur le {date}. Jusque-là, vous pouvez vous y opposer ici.',
  formWhy:
    'Un juriste lit chaque opposition et en consigne l’issue. Vous pouvez vous opposer une fois à cette version.',
  announcedLink: 'Lire le texte annoncé et ses modifications',
  reason: 'Pourquoi vous opposez-vous ? (obligatoire)',
  reasonHint: '{max} caractères au plus.',
  organisation: 'Organisation (facultatif)',
  email: 'Adresse e-mail pour notre réponse (facultatif)',
  emailHint: 'Laissez vide pour recevoir la réponse à l’adresse à laquelle ce lien a été envoyé.',
  submit: 'Envoyer l’opposition',
  receivedTitle: 'Votre opposition est enregistrée',
  receivedBody:
    'Nous avons reçu votre opposition à la version {n} le {date}. Une confirmation vous est envoyée par e-mail ; un juriste l’examinera avant l’entrée en vigueur.',
  alreadyTitle: 'Votre opposition est déjà enregistrée',
  alreadyBody:
    'Vous vous êtes opposé à la version {n} le {date} ; elle est en cours d’examen. Une seule opposition par version : rien n’a été modifié.',
  closedTitle: 'La période d’opposition est terminée',
  closedBody:
    'La version {n} est entrée en vigueur le {date} ; les oppositions ne sont plus reçues ici.',
  supersededBody:
    'La version {n} a été remplacée par une version ultérieure avant son entrée en vigueur ; elle ne reçoit pas d’opposition.',
  notMaterialBody:
    'La version {n} n’est pas une modification substantielle ; seules celles-ci reçoivent des oppositions.',
  badLinkTitle: 'Ce lien n’est pas valide',
  badLinkBody:
    'Le lien d’opposition est incomplet, modifié ou destiné à une autre version. Utilisez le lien de votre e-mail tel quel.',
  badInputTitle: 'Votre opposition n’a pas été envoyée',
  mailSubject: 'Votre opposition à la version {n} est enregistrée',
  mailBody:
    'Nous avons reçu le {date} votre opposition à la version {n} de notre page des partenaires tiers.\n\nVotre motif :\n{reason}\n\nUn juriste l’examinera avant l’entrée en vigueur le {effective}.',
}

const ru: ObjectionText = {
  formTitle: 'Возражение против редакции {n}',
  formIntro:
    'Редакция {n} ({summary}) вступает в силу {date}. До этого вы можете возразить против неё здесь.',
  formWhy:
    'Юрист читает каждое возражение и фиксирует решение. Против этой редакции можно возразить один раз.',
  announcedLink: 'Прочитать объявленный текст и изменения',
  reason: 'Почему вы возражаете? (обязательно)',
  reasonHint: 'Не более {max} символов.',
  organisation: 'Организация (необязательно)',
  email: 'Адрес для ответа (необязательно)',
  emailHint: 'Оставьте пустым, чтобы получить ответ на адрес, на который пришла эта ссылка.',
  submit: 'Отправить возражение',
  receivedTitle: 'Ваше возражение принято',
  receivedBody:
    'Мы получили ваше возражение против редакции {n} {date}. Подтверждение придёт по электронной почте; юрист рассмотрит его до вступления изменений в силу.',
  alreadyTitle: 'Ваше возражение уже принято',
  alreadyBody:
    'Вы возразили против редакции {n} {date}; оно рассматривается. Против одной редакции можно возразить один раз, поэтому ничего не изменено.',
  closedTitle: 'Срок для возражений истёк',
  closedBody:
    'Редакция {n} вступила в силу {date}; возражения против неё здесь больше не принимаются.',
  supersededBody:
    'Редакция {n} была заменена более поздней до вступления в силу; возражения против неё не принимаются.',
  notMaterialBody:
    'Редакция {n} не является существенным изменением; возражения принимаются только против существенных.',
  badLinkTitle: 'Ссылка недействительна',
  badLinkBody:
    'Ссылка неполная, изменённая или относится к другой редакции. Используйте ссылку из письма без изменений.',
  badInputTitle: 'Возражение не отправлено',
  mailSubject: 'Ваше возражение против редакции {n} принято',
  mailBody:
    'Мы получили {date} ваше возражение против редакции {n} страницы о сторонних партнёрах.\n\nВаша причина:\n{reason}\n\nЮрист рассмотрит его до вступления изменений в силу {effective}.',
}

const BY_LOCALE: Readonly<Record<LocaleCode, ObjectionText>> = { en, ja, fr, ru }

export const objectionText = (locale: string): ObjectionText =>
  (BY_LOCALE as Readonly<Record<string, ObjectionText>>)[locale] ?? en
