import type { ReleaseStatus } from '../../releases/timeline'
import type { ChangeType } from '../../releases/types'
import { escapeHtml } from './escape'

export type { ReleaseStatus }

/** Interface text only; the page's own text comes from the release and never falls back. Templates use {placeholders}. */
export type UiStrings = {
  skipToContent: string
  navLabel: string
  languagesLabel: string
  currentVersion: string
  history: string
  feed: string
  defaultHeading: string
  tableCaption: string
  upcomingChanges: string
  upcomingItem: string
  seeChanges: string
  sourceUpdated: string
  /** Which source release a translation follows and which is in effect (target locales only). */
  sourceReleases: string
  /** After an upcoming translation's item: the source release it waits for. */
  upcomingFollowsSource: string
  releaseFooter: string
  release: string
  changeTypes: Record<ChangeType, string>
  statuses: Record<ReleaseStatus, string>
  historyTitle: string
  historyCaption: string
  historyColumns: {
    release: string
    status: string
    changeType: string
    summary: string
    effective: string
    published: string
    changes: string
  }
  rollbackOf: string
  changesFromTo: string
  upcomingDetails: string
  releaseEffective: string
  pageText: string
  added: string
  removed: string
  changed: string
  noChanges: string
  fieldLabels: Readonly<Record<string, string>>
  archivedBanner: string
  viewCurrent: string
  feedSummary: string
  errors: { notFound: string; badRequest: string; other: string }
}

const en: UiStrings = {
  skipToContent: 'Skip to content',
  navLabel: 'Partner pages',
  languagesLabel: 'Other languages',
  currentVersion: 'Current version',
  history: 'History',
  feed: 'Atom feed',
  defaultHeading: 'Our third-party partners',
  tableCaption: 'Categories of partners and how they use data',
  upcomingChanges: 'Upcoming changes',
  upcomingItem: '{release}, effective {date} — {changeType}: {summary}',
  seeChanges: 'See the changes',
  sourceUpdated:
    'The Japanese version was updated on {date}; in case of discrepancy the Japanese version prevails.',
  sourceReleases:
    'This translation follows Japanese release {basis}; Japanese release {current} is in effect.',
  upcomingFollowsSource: '(translates Japanese release {n})',
  releaseFooter: '{release}, effective {effective}, published {published}',
  release: 'Release {n}',
  changeTypes: { material: 'Material change', editorial: 'Editorial change' },
  statuses: { current: 'Current', upcoming: 'Upcoming', superseded: 'Superseded', past: 'Past' },
  historyTitle: 'Release history',
  historyCaption: 'Published releases, newest first',
  historyColumns: {
    release: 'Release',
    status: 'Status',
    changeType: 'Change type',
    summary: 'Summary',
    effective: 'Effective',
    published: 'Published',
    changes: 'Changes',
  },
  rollbackOf: 'Rollback of release {n}',
  changesFromTo: 'Changes from release {from} to {to}',
  upcomingDetails: 'Full text of the announced changes (JSON)',
  releaseEffective: '{release}, effective {date}',
  pageText: 'Page text',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  noChanges: 'No text changed between these releases.',
  fieldLabels: {
    title: 'Title',
    intro: 'Introduction',
    notNamedNote: 'Why we do not name our partners',
    'columnLabels.type': 'Column heading: type',
    'columnLabels.description': 'Column heading: description',
    'columnLabels.dataUsageNote': 'Column heading: data-use note',
    authoritativeLanguageNote: 'Authoritative language note',
    name: 'Name',
    icon: 'Icon',
    order: 'Position',
    description: 'Description',
    dataUsageNote: 'Data-use note',
  },
  archivedBanner: 'You are viewing release {n} ({status}).',
  viewCurrent: 'Go to the current version',
  feedSummary: '{changeType}, effective {date}. {summary}',
  errors: { notFound: 'Page not found', badRequest: 'Bad request', other: 'Something went wrong' },
}

const ja: UiStrings = {
  skipToContent: '本文へスキップ',
  navLabel: 'パートナーのページ',
  languagesLabel: '他の言語',
  currentVersion: '現行版',
  history: '履歴',
  feed: 'Atom フィード',
  defaultHeading: 'サードパーティパートナー',
  tableCaption: 'パートナーのカテゴリとデータの使用',
  upcomingChanges: '今後の変更',
  upcomingItem: '{release}({date}発効)— {changeType}:{summary}',
  seeChanges: '変更点を見る',
  sourceUpdated:
    '日本語版は{date}に更新されました。内容に相違がある場合は、日本語版が優先されます。',
  sourceReleases:
    'この翻訳は日本語版リリース {basis} に基づいています。現在有効な日本語版はリリース {current} です。',
  upcomingFollowsSource: '(日本語版リリース {n} の翻訳)',
  releaseFooter: '{release}、{effective}発効、{published}公開',
  release: 'リリース {n}',
  changeTypes: { material: '重要な変更', editorial: '編集上の変更' },
  statuses: { current: '現行', upcoming: '予定', superseded: '差し替え済み', past: '過去' },
  historyTitle: 'リリース履歴',
  historyCaption: '公開されたリリース(新しい順)',
  historyColumns: {
    release: 'リリース',
    status: '状態',
    changeType: '変更の種類',
    summary: '概要',
    effective: '発効日',
    published: '公開日',
    changes: '変更点',
  },
  rollbackOf: 'リリース {n} へのロールバック',
  changesFromTo: 'リリース {from} から {to} への変更点',
  upcomingDetails: '予告中の変更の全文(JSON)',
  releaseEffective: '{release}({date}発効)',
  pageText: 'ページの本文',
  added: '追加',
  removed: '削除',
  changed: '変更',
  noChanges: 'これらのリリースの間で本文に変更はありません。',
  fieldLabels: {
    title: 'タイトル',
    intro: '導入文',
    notNamedNote: 'パートナー名を公開しない理由',
    'columnLabels.type': '列見出し(タイプ)',
    'columnLabels.description': '列見出し(説明)',
    'columnLabels.dataUsageNote': '列見出し(データ使用上の注意)',
    authoritativeLanguageNote: '正文に関する注記',
    name: '名前',
    icon: 'アイコン',
    order: '表示順',
    description: '説明',
    dataUsageNote: 'データ使用上の注意',
  },
  archivedBanner: 'これはリリース {n}({status})です。',
  viewCurrent: '現行版を見る',
  feedSummary: '{changeType}、{date}発効。{summary}',
  errors: {
    notFound: 'ページが見つかりません',
    badRequest: '不正なリクエストです',
    other: 'エラーが発生しました',
  },
}

const fr: UiStrings = {
  skipToContent: 'Aller au contenu',
  navLabel: 'Pages des partenaires',
  languagesLabel: 'Autres langues',
  currentVersion: 'Version en vigueur',
  history: 'Historique',
  feed: 'Flux Atom',
  defaultHeading: 'Nos partenaires tiers',
  tableCaption: 'Catégories de partenaires et utilisation des données',
  upcomingChanges: 'Modifications à venir',
  upcomingItem: '{release}, en vigueur le {date} — {changeType} : {summary}',
  seeChanges: 'Voir les modifications',
  sourceUpdated:
    'La version japonaise a été mise à jour le {date} ; en cas de divergence, la version japonaise prévaut.',
  sourceReleases:
    'Cette traduction suit la version japonaise {basis} ; la version japonaise {current} est en vigueur.',
  upcomingFollowsSource: '(traduction de la version japonaise {n})',
  releaseFooter: '{release}, en vigueur le {effective}, publiée le {published}',
  release: 'Version {n}',
  changeTypes: { material: 'Modification substantielle', editorial: 'Modification rédactionnelle' },
  statuses: { current: 'En vigueur', upcoming: 'À venir', superseded: 'Remplacée', past: 'Passée' },
  historyTitle: 'Historique des versions',
  historyCaption: 'Versions publiées, de la plus récente à la plus ancienne',
  historyColumns: {
    release: 'Version',
    status: 'Statut',
    changeType: 'Type de modification',
    summary: 'Résumé',
    effective: 'Entrée en vigueur',
    published: 'Publication',
    changes: 'Modifications',
  },
  rollbackOf: 'Retour à la version {n}',
  changesFromTo: 'Modifications de la version {from} à la version {to}',
  upcomingDetails: 'Texte complet des changements annoncés (JSON)',
  releaseEffective: '{release}, en vigueur le {date}',
  pageText: 'Texte de la page',
  added: 'Ajoutées',
  removed: 'Supprimées',
  changed: 'Modifiées',
  noChanges: 'Aucun texte n’a changé entre ces versions.',
  fieldLabels: {
    title: 'Titre',
    intro: 'Introduction',
    notNamedNote: 'Pourquoi nous ne nommons pas nos partenaires',
    'columnLabels.type': 'En-tête de colonne : type',
    'columnLabels.description': 'En-tête de colonne : description',
    'columnLabels.dataUsageNote': 'En-tête de colonne : utilisation des données',
    authoritativeLanguageNote: 'Note sur la langue faisant foi',
    name: 'Nom',
    icon: 'Icône',
    order: 'Position',
    description: 'Description',
    dataUsageNote: 'Utilisation des données',
  },
  archivedBanner: 'Vous consultez la version {n} ({status}).',
  viewCurrent: 'Voir la version en vigueur',
  feedSummary: '{changeType}, en vigueur le {date}. {summary}',
  errors: {
    notFound: 'Page introuvable',
    badRequest: 'Requête invalide',
    other: 'Une erreur est survenue',
  },
}

const ru: UiStrings = {
  skipToContent: 'Перейти к содержимому',
  navLabel: 'Страницы о партнёрах',
  languagesLabel: 'Другие языки',
  currentVersion: 'Действующая редакция',
  history: 'История',
  feed: 'Лента Atom',
  defaultHeading: 'Наши сторонние партнёры',
  tableCaption: 'Категории партнёров и использование данных',
  upcomingChanges: 'Предстоящие изменения',
  upcomingItem: '{release}, вступает в силу {date} — {changeType}: {summary}',
  seeChanges: 'Посмотреть изменения',
  sourceUpdated:
    'Японская версия обновлена {date}; в случае расхождений преимущественную силу имеет японская версия.',
  sourceReleases:
    'Этот перевод соответствует японской редакции {basis}; действует японская редакция {current}.',
  upcomingFollowsSource: '(перевод японской редакции {n})',
  releaseFooter: '{release}; вступление в силу: {effective}; публикация: {published}',
  release: 'Редакция {n}',
  changeTypes: { material: 'Существенное изменение', editorial: 'Редакционное изменение' },
  statuses: {
    current: 'Действующая',
    upcoming: 'Предстоящая',
    superseded: 'Заменённая',
    past: 'Прежняя',
  },
  historyTitle: 'История редакций',
  historyCaption: 'Опубликованные редакции, начиная с новейшей',
  historyColumns: {
    release: 'Редакция',
    status: 'Статус',
    changeType: 'Тип изменения',
    summary: 'Описание',
    effective: 'Вступление в силу',
    published: 'Публикация',
    changes: 'Изменения',
  },
  rollbackOf: 'Возврат к редакции {n}',
  changesFromTo: 'Изменения между редакциями {from} и {to}',
  upcomingDetails: 'Полный текст объявленных изменений (JSON)',
  releaseEffective: '{release}; вступление в силу: {date}',
  pageText: 'Текст страницы',
  added: 'Добавлено',
  removed: 'Удалено',
  changed: 'Изменено',
  noChanges: 'Текст между этими редакциями не изменился.',
  fieldLabels: {
    title: 'Заголовок',
    intro: 'Вступление',
    notNamedNote: 'Почему мы не называем партнёров',
    'columnLabels.type': 'Заголовок столбца: тип',
    'columnLabels.description': 'Заголовок столбца: описание',
    'columnLabels.dataUsageNote': 'Заголовок столбца: использование данных',
    authoritativeLanguageNote: 'Примечание о языке, имеющем преимущественную силу',
    name: 'Название',
    icon: 'Значок',
    order: 'Позиция',
    description: 'Описание',
    dataUsageNote: 'Использование данных',
  },
  archivedBanner: 'Вы просматриваете редакцию {n} ({status}).',
  viewCurrent: 'Перейти к действующей редакции',
  feedSummary: '{changeType}, вступает в силу {date}. {summary}',
  errors: {
    notFound: 'Страница не найдена',
    badRequest: 'Некорректный запрос',
    other: 'Произошла ошибка',
  },
}

const STRINGS: Readonly<Record<string, UiStrings>> = { en, ja, fr, ru }

/** A well-formed BCP 47 tag for lang attributes and Intl; 'en' when the input is not one. */
export const languageTag = (locale: string): string => {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en'
  } catch {
    return 'en'
  }
}

const primaryLanguage = (locale: string): string => languageTag(locale).split('-')[0] ?? 'en'

export const uiStrings = (locale: string): UiStrings =>
  STRINGS[languageTag(locale)] ?? STRINGS[primaryLanguage(locale)] ?? en

/** Structural column labels when the release has none: the source's own for ja, neutral English elsewhere. */
export const fallbackColumnLabels = (
  locale: string,
): { type: string; description: string; dataUsageNote: string } =>
  primaryLanguage(locale) === 'ja'
    ? { type: 'タイプ', description: '説明', dataUsageNote: 'データ使用上の注意' }
    : { type: 'Type', description: 'Description', dataUsageNote: 'Data-use note' }

const PLACEHOLDER = /\{(\w+)\}/g

const valueOf = <T>(values: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.hasOwn(values, name) ? values[name] : undefined

/** Fills a template's {placeholders} with plain text. */
export const fillText = (
  template: string,
  values: Readonly<Record<string, string | number>>,
): string =>
  template.replace(PLACEHOLDER, (whole, name: string) => String(valueOf(values, name) ?? whole))

/** Escapes a template's own text and drops ready-made HTML fragments into its {placeholders}. */
export const fillHtml = (template: string, fragments: Readonly<Record<string, string>>): string => {
  let html = ''
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const fragment = valueOf(fragments, match[1] ?? '')
    html += escapeHtml(template.slice(last, match.index)) + (fragment ?? escapeHtml(match[0]))
    last = match.index + match[0].length
  }
  return html + escapeHtml(template.slice(last))
}

/** Intl objects are slow to build and pages are rendered per request; the bound keeps odd locales from growing it. */
const MAX_CACHED = 32
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const displayNames = new Map<string, Intl.DisplayNames>()

const cached = <T>(cache: Map<string, T>, key: string, build: () => T): T => {
  const hit = cache.get(key)
  if (hit) return hit
  if (cache.size >= MAX_CACHED) cache.clear()
  const value = build()
  cache.set(key, value)
  return value
}

/** The locale's own name for itself, e.g. 'Français'; the code when Intl does not know it. */
export const languageName = (locale: string): string => {
  const tag = languageTag(locale)
  try {
    const name =
      cached(displayNames, tag, () => new Intl.DisplayNames([tag], { type: 'language' })).of(tag) ??
      tag
    // Autonyms start a list item: "Français", not "français".
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1)
  } catch {
    return tag
  }
}

const parseDate = (iso: string): Date | null => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** RFC 3339 in UTC, or null when the input is not a date. */
export const isoInstant = (iso: string): string | null => parseDate(iso)?.toISOString() ?? null

/** e.g. "2026年5月1日 (UTC)"; the input itself when it is not a date. */
export const formatDate = (iso: string, locale: string): string => {
  const date = parseDate(iso)
  if (!date) return iso
  const tag = languageTag(locale)
  const format = cached(
    dateFormats,
    tag,
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }),
  )
  return `${format.format(date)} (UTC)`
}

export const timeHtml = (iso: string, locale: string): string => {
  const instant = isoInstant(iso)
  const text = escapeHtml(formatDate(iso, locale))
  return instant ? `<time datetime="${instant}">${text}</time>` : text
}
