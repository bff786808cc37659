import { DOMParser } from '@xmldom/xmldom'

/** A logo is a small image kept in the settings as a data: URI, so pages and the static export need no file. */
export const MAX_LOGO_BYTES = 32 * 1024

export const LOGO_TYPES = ['image/png', 'image/webp', 'image/svg+xml'] as const
export type LogoType = (typeof LOGO_TYPES)[number]

/** The longest data: URI a logo within MAX_LOGO_BYTES can take (base64 plus the prefix). */
export const MAX_LOGO_URI_CHARS =
  `data:image/svg+xml;base64,`.length + Math.ceil(MAX_LOGO_BYTES / 3) * 4

export type LogoCheck =
  { ok: true; dataUri: string; type: LogoType } | { ok: false; problem: string }

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/** An SVG's text, when its root element is <svg> in the SVG namespace and it declares no DTD or script. */
const svgProblem = (bytes: Uint8Array): string | null => {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return 'The logo is neither PNG nor WebP, and not UTF-8 text, so not SVG either.'
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    return 'The SVG logo declares a DOCTYPE or entities; remove them.'
  if (/<script[\s>/]/i.test(text)) return 'The SVG logo contains a script; a logo needs none.'
  // The prolog: a byte-order mark, an XML declaration, comments and white space, then the root.
  const root =
    /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w:.-]*)([^>]*)>/.exec(
      text,
    )
  if (!root) return 'The logo is not a PNG, WebP or SVG image.'
  if (root[1] !== 'svg')
    return `The logo's root element is <${root[1]}>, not <svg>: it is not a PNG, WebP or SVG image.`
  if (!/\sxmlns\s*=\s*(["'])http:\/\/www\.w3\.org\/2000\/svg\1/.test(root[2] ?? ''))
    return 'The SVG logo lacks xmlns="http://www.w3.org/2000/svg" on its root; browsers show no image without it.'
  return activeContent(text)
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'handler'])
/** A reference that stays inside the image: `#id`, or url(#id) in a style. */
const OUTSIDE_URL = /url\(\s*(?!["']?#)|@import/i

/**
 * What in an SVG could act or fetch, read with a parser (so no prefix or spelling hides it):
 * scripts and foreign content, event handler attributes, links or references to anything but the
 * image's own parts, style sheets from elsewhere, and elements outside the SVG namespace. A logo
 * is shown in <img> today, where none of it runs; refusing it keeps that true wherever it goes.
 */
const activeContent = (text: string): string | null => {
  let document: Document
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message)
      },
    }).parseFromString(text, 'image/svg+xml') as unknown as Document
  } catch (error) {
    return `The SVG logo is not well-formed XML (${(error as Error).message.split('\n')[0]}).`
  }
  for (let node = document.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 7 && node.nodeName !== 'xml')
      return `The SVG logo has a processing instruction <?${node.nodeName}?>; a logo needs none.`
  const stack: Element[] = document.documentElement ? [document.documentElement] : []
  while (stack.length) {
    const element = stack.pop() as Element
    const name = (element.localName ?? '').toLowerCase()
    if (element.namespaceURI !== SVG_NAMESPACE || ACTIVE_ELEMENTS.has(name))
      return `The SVG logo contains <${element.tagName}>, which can run or embed something; a logo needs only shapes, text and images of its own.`
    for (const attribute of Array.from(element.attributes)) {
      const attributeName = (attribute.localName ?? attribute.name).toLowerCase()
      if (attributeName.startsWith('on'))
        return `The SVG logo has an event handler (${attribute.name}); a logo needs none.`
      if (attributeName === 'href' && !attribute.value.trim().startsWith('#'))
        return `The SVG logo refers to ${JSON.stringify(attribute.value.slice(0, 80))}; a logo may refer only to its own parts (#id).`
      if (OUTSIDE_URL.test(attribute.value))
        return `The SVG logo's ${attribute.name} refers to something outside the image; a logo may refer only to its own parts.`
    }
    if (name === 'style' && OUTSIDE_URL.test(element.textContent ?? ''))
      return 'The SVG logo has a style sheet that loads something from elsewhere; a logo may refer only to its own parts.'
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === 7)
        return `The SVG logo has a processing instruction <?${child.nodeName}?>; a logo needs none.`
      if (child.nodeType === 1) stack.push(child as unknown as Element)
    }
  }
  return null
}

/**
 * Checks a logo given as a base64 data: URI by what its bytes are (PNG and WebP by their signature,
 * SVG by its root element), never by the type the client claims, and returns it as a data: URI of
 * the type found. Empty or null clears the logo.
 */
export const checkLogo = (value: unknown): LogoCheck | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string')
    return { ok: false, problem: 'The logo must be a data: URI (text).' }
  const match = DATA_URI.exec(value)
  if (!match)
    return {
      ok: false,
      problem:
        'The logo must be a data: URI (data:image/png;base64,…) of a PNG, WebP or SVG image.',
    }
  const parameters = (match[2] ?? '').split(';').filter(Boolean)
  if (!parameters.includes('base64'))
    return { ok: false, problem: 'The logo must be base64-encoded (data:image/png;base64,…).' }
  const encoded = match[3] ?? ''
  if (
    encoded.length > MAX_LOGO_URI_CHARS ||
    Math.floor((encoded.length * 3) / 4) > MAX_LOGO_BYTES + 2
  )
    return {
      ok: false,
      problem: `The logo is about ${Math.round((encoded.length * 3) / 4 / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB.`,
    }
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0)
    return { ok: false, problem: 'The logo’s base64 data is malformed.' }
  const bytes = new Uint8Array(Buffer.from(encoded, 'base64'))
  if (bytes.length === 0) return { ok: false, problem: 'The logo is empty.' }
  if (bytes.length > MAX_LOGO_BYTES)
    return {
      ok: false,
      problem: `The logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB.`,
    }
  let type: LogoType
  if (startsWith(bytes, PNG)) type = 'image/png'
  else if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    type = 'image/webp'
  else {
    const problem = svgProblem(bytes)
    if (problem) return { ok: false, problem }
    type = 'image/svg+xml'
  }
  return { ok: true, type, dataUri: `data:${type};base64,${encoded}` }
}
