export { escapeHtml, escapeXml, stripInvalidXmlChars } from '@/utilities/markupEscape'
