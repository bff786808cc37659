import helmet from 'helmet'

/**
 * The admin (Next + React) needs inline scripts and styles; everything it loads or calls must come
 * from this server, so the policy also proves the admin contacts no outside host.
 */
export const securityHeaders = ({ dev }: { dev: boolean }) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // Served over plain HTTP on loopback; TLS and HSTS belong to the proxy in front.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
