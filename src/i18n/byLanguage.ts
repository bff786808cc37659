import {
  ADMIN_LANGUAGES,
  adminTranslations,
  type AdminLanguage,
  type AdminStringKey,
} from './adminTranslations'

/**
 * One of Kaiji's strings in every admin language, as Payload takes a static label or description
 * (`{ en, ja, … }`): collection and field labels, field descriptions, select options.
 */
export const byLanguage = (key: AdminStringKey): Record<AdminLanguage, string> => {
  const [, ...path] = key.split(':')
  return Object.fromEntries(
    ADMIN_LANGUAGES.map((language) => {
      let text: unknown = adminTranslations[language].kaijiAdmin
      for (const part of path) text = (text as Record<string, unknown> | undefined)?.[part]
      return [language, typeof text === 'string' ? text : key]
    }),
  ) as Record<AdminLanguage, string>
}
