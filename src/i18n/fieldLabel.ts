import { getTranslation } from '@payloadcms/translations'
import type { Field, PayloadRequest } from 'payload'

/**
 * A field as the admin labels it, in the request's language ("Introduction", 「導入文」), from its
 * config: a dotted path names a field in a group ("Column labels › Type"). A field the config does
 * not know, or a request without i18n, keeps its path.
 */
export const fieldLabel = (
  req: Pick<PayloadRequest, 'i18n'>,
  fields: readonly Field[],
  path: string,
): string => {
  if (!req.i18n) return path
  const labels: string[] = []
  let current = fields
  for (const part of path.split('.')) {
    const field = current.find((candidate) => 'name' in candidate && candidate.name === part)
    if (!field) return path
    const label = 'label' in field && field.label ? getTranslation(field.label, req.i18n) : ''
    labels.push(typeof label === 'string' && label ? label : part)
    current = 'fields' in field ? field.fields : []
  }
  return labels.join(' › ')
}
