/**
 * Where each public path lives in a static export, so that nginx (deploy/nginx.conf), an object store
 * or a CDN serves it with the public site's bytes and Content-Type. A path is a folder when others sit
 * under it (`/partners/ja` and `/partners/ja/history`), so a path without an extension of its own is
 * `<path>/index.<ext>`; `/partners/ja.json`, `/partners/ja.csv` and `…/feed.atom` keep their names.
 */

/** The file extensions of an export, each with the Content-Type the public site sends for it (nginx's `types` lists the same). */
export const EXPORT_CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
} as const

export type ExportExtension = keyof typeof EXPORT_CONTENT_TYPES

/** Compressed siblings, each holding the public site's bytes in that coding (nginx `gzip_static`, `brotli_static`). */
export const COMPRESSED_SUFFIXES = { br: '.br', gzip: '.gz' } as const

/**
 * A redirect is an empty-named marker under this folder, holding the Location: nginx tests that the
 * marker exists on each request, so a redirect appearing when an effective date passes needs no reload.
 */
export const REDIRECTS_FOLDER = '_redirects'

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

const extensionOf = (contentType: string): ExportExtension => {
  const found = (Object.keys(EXPORT_CONTENT_TYPES) as ExportExtension[]).find(
    (extension) => EXPORT_CONTENT_TYPES[extension] === contentType,
  )
  if (!found) throw new Error(`No export file type is served as ${JSON.stringify(contentType)}`)
  return found
}

/** A public path's segments, refused unless each is plain (no dot segments, no encoded characters). */
const segmentsOf = (publicPath: string): string[] => {
  const segments = publicPath.split('/').slice(1)
  if (
    !publicPath.startsWith('/') ||
    segments.length === 0 ||
    !segments.every((segment) => SEGMENT.test(segment))
  )
    throw new Error(`${JSON.stringify(publicPath)} cannot be a file of the export`)
  return segments
}

/** The file, relative to the export's root, that holds what `publicPath` answers with `contentType`. */
export const exportFileOf = (publicPath: string, contentType: string): string => {
  const extension = extensionOf(contentType)
  const segments = segmentsOf(publicPath)
  const last = segments.at(-1) ?? ''
  return last.endsWith(`.${extension}`)
    ? segments.join('/')
    : [...segments, `index.${extension}`].join('/')
}

/** The public path a file of the export answers (the inverse of exportFileOf), with its Content-Type. */
export const publicPathOf = (file: string): { path: string; contentType: string } => {
  const extension = file.slice(file.lastIndexOf('.') + 1)
  if (!(extension in EXPORT_CONTENT_TYPES))
    throw new Error(`${JSON.stringify(file)} is not a file of the export`)
  const contentType = EXPORT_CONTENT_TYPES[extension as ExportExtension]
  const folder = file.match(/^(.+)\/index\.(?:html|json)$/)?.[1]
  return { path: `/${folder ?? file}`, contentType }
}

/** The marker file of a redirect from `publicPath`. */
export const redirectFileOf = (publicPath: string): string =>
  [REDIRECTS_FOLDER, ...segmentsOf(publicPath)].join('/')
