/** For a field the admin reads but never shows as an input (a title worked out on read). */
export const NoInput = () => null
