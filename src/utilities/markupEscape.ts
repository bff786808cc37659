const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

const SPECIAL = /[&<>"']/g

/** Safe in element content and in double- or single-quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(SPECIAL, (char) => ESCAPES[char] ?? char)

/** Code points XML 1.0 forbids even as character references: C0 controls but tab/LF/CR, U+FFFE/FFFF, lone surrogates. */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export const stripInvalidXmlChars = (text: string): string => text.replace(NOT_XML_CHAR, '')

export const escapeXml = (text: string): string => escapeHtml(stripInvalidXmlChars(text))
