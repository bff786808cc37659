/** The subscription paths under /partners/:locale, which write and so are not the delivery layer's. */
export type SubscriptionRoute = {
  kind: 'subscribe' | 'confirm' | 'unsubscribe'
  locale: string
}

const PATHS: Readonly<Record<string, SubscriptionRoute['kind']>> = {
  subscribe: 'subscribe',
  'subscribe/confirm': 'confirm',
  unsubscribe: 'unsubscribe',
}

/** The route of a request URL (its query ignored), or null when the path is not a subscription path. */
export const matchSubscriptionRoute = (url: string): SubscriptionRoute | null => {
  const path = (url.split('?')[0] ?? '').replace(/\/+$/, '')
  const match = /^\/partners\/([^/]+)\/(.+)$/.exec(path)
  if (!match) return null
  const kind = PATHS[match[2] ?? '']
  if (!kind) return null
  let locale: string
  try {
    locale = decodeURIComponent(match[1] ?? '')
  } catch {
    return null
  }
  return { kind, locale }
}

/** The methods each route answers; anything else is a 405 naming them. */
export const ALLOWED_METHODS: Readonly<Record<SubscriptionRoute['kind'], readonly string[]>> = {
  subscribe: ['POST'],
  confirm: ['GET', 'HEAD', 'POST'],
  unsubscribe: ['GET', 'HEAD', 'POST'],
}
