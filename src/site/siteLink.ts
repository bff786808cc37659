/** At most this long: a privacy-policy address, not a document. */
export const MAX_SITE_LINK_CHARS = 2000

/**
 * Whether `value` may be the privacy-policy link: an https:// URL, or a path on this site
 * (`/privacy`). Anything else (http:, javascript:, data:, a protocol-relative `//host`, a bare word)
 * is refused naming what is accepted. Null when it is fine; empty clears the link.
 */
export const siteLinkProblem = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string') return 'The link must be text.'
  if (value.length > MAX_SITE_LINK_CHARS)
    return `The link has ${value.length} characters; at most ${MAX_SITE_LINK_CHARS}.`
  const accepted =
    'Give an https:// address (https://example.com/privacy) or a path on this site starting with a single / (/privacy).'
  if (/[\s\u0000-\u001f\u007f\\]/.test(value))
    return `${JSON.stringify(value.slice(0, 80))} contains spaces, control characters or backslashes. ${accepted}`
  if (value.startsWith('/')) {
    if (value.startsWith('//'))
      return `${JSON.stringify(value.slice(0, 80))} would lead to another host. ${accepted}`
    return null
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${JSON.stringify(value.slice(0, 80))} is neither an address nor a path. ${accepted}`
  }
  if (url.protocol !== 'https:')
    return `${JSON.stringify(value.slice(0, 80))} is a ${url.protocol} link. ${accepted}`
  if (url.username || url.password)
    return `${JSON.stringify(value.slice(0, 80))} carries a user name or password. ${accepted}`
  return null
}
