/** A table of admin strings: text, or named groups of text. */
export type StringTable = { readonly [key: string]: string | StringTable }

/** The same keys as `T`, each with a string of its own: what a translation of `T` must fill in. */
export type TranslationOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : TranslationOf<T[K]>
}

/**
 * One area of the admin's own strings, English and Japanese side by side so that a change of
 * wording is made in both at once. The type refuses a Japanese table that misses an English key or
 * has one of its own; tests/unit/adminTranslations.test.ts checks the same at run time.
 */
export const defineStrings = <En extends StringTable>(area: {
  en: En
  ja: TranslationOf<En>
}): { en: En; ja: TranslationOf<En> } => area
