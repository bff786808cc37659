import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { isLocaleCode, SOURCE_LOCALE } from '@/config/locales'
import { listReleaseSummaries } from '@/releases/releaseStore'
import { clientAddressOfRequest } from '@/security/clientAddress'
import { RateLimiter, tooManyRequestsMessage, type RateLimitRule } from '@/security/rateLimit'
import { verifyToken } from '../signedToken'
import {
  renderAlreadyRecorded,
  renderBadInput,
  renderBadLink,
  renderNotTaken,
  renderObjectionForm,
  renderReceived,
} from './objectionPages'
import {
  claimFromToken,
  MAX_FORM_BYTES,
  objectionWindow,
  parseObjectionForm,
  type ObjectionClaim,
} from './objectionRules'
import { findObjection, recordObjection } from './recordObjection'

const OBJECTION_PATH = /^\/partners\/([^/?#]+)\/releases\/([1-9][0-9]{0,8})\/object\/?(?:\?.*)?$/

export type ObjectionRoute = { locale: string; number: number }

/** The objection link's route, or null for any other path (which the delivery layer answers). */
export const matchObjectionPath = (url: string): ObjectionRoute | null => {
  const match = OBJECTION_PATH.exec(url)
  if (!match?.[1] || !match[2]) return null
  let locale: string
  try {
    locale = decodeURIComponent(match[1])
  } catch {
    return null
  }
  return { locale, number: Number(match[2]) }
}

// The token rides in the URL: no referrer may carry it away, no cache keep the page. The form posts to itself.
const HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

const send = (
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  extra: Record<string, string> = {},
): void => {
  const body = Buffer.from(html, 'utf8')
  res.writeHead(status, { ...HEADERS, 'Content-Length': String(body.length), ...extra })
  res.end(req.method === 'HEAD' ? undefined : body)
}

type BodyRead = { ok: true; text: string } | { ok: false; status: 413 | 400 }

const readForm = (req: IncomingMessage): Promise<BodyRead> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (result: BodyRead) => {
      if (done) return
      done = true
      resolve(result)
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_FORM_BYTES) {
        req.pause()
        finish({ ok: false, status: 413 })
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }))
    req.on('error', () => finish({ ok: false, status: 400 }))
    req.on('aborted', () => finish({ ok: false, status: 400 }))
  })

export type ObjectionRoutesOptions = {
  secret: string
  /** POSTs per client address; null turns the limit off. */
  rateLimit: RateLimitRule | null
  trustProxy: number
  clock?: () => number
}

/**
 * GET shows a subscriber the objection form behind their personal link, POST records the objection.
 * Served before the delivery layer, in the main server and the public site alike.
 */
export const createObjectionRoutes = (payload: Payload, options: ObjectionRoutesOptions) => {
  const clock = options.clock ?? Date.now
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null

  const releaseState = async ({ locale, number }: ObjectionRoute) => {
    const releases = await listReleaseSummaries(payload, locale)
    const window = objectionWindow(releases, number, clock())
    const release = releases.find((candidate) => candidate.number === number)
    return { window, summary: release?.summary ?? '' }
  }

  const claimOf = (route: ObjectionRoute, token: string): ObjectionClaim | null =>
    claimFromToken(verifyToken(options.secret, 'object', token), route)

  /** The answer when the release takes no objections now; null when it does. */
  const refusal = (
    req: IncomingMessage,
    res: ServerResponse,
    route: ObjectionRoute,
    window: Awaited<ReturnType<typeof releaseState>>['window'],
  ): boolean => {
    if (window.state === 'open') return false
    if (window.state === 'not-announced') send(req, res, 404, renderBadLink(route.locale))
    else
      send(
        req,
        res,
        window.state === 'not-material' ? 409 : 410,
        renderNotTaken(route.locale, route.number, window),
      )
    return true
  }

  const show = async (req: IncomingMessage, res: ServerResponse, route: ObjectionRoute) => {
    const token = new URL(req.url ?? '', 'http://kaiji.invalid').searchParams.get('token') ?? ''
    if (!token) return send(req, res, 400, renderBadLink(route.locale, 'The token is missing.'))
    const claim = claimOf(route, token)
    if (!claim) return send(req, res, 404, renderBadLink(route.locale))
    const { window, summary } = await releaseState(route)
    if (refusal(req, res, route, window) || window.state !== 'open') return
    const existing = await findObjection(payload, claim)
    if (existing)
      return send(
        req,
        res,
        200,
        renderAlreadyRecorded(route.locale, route.number, existing.receivedAt),
      )
    send(
      req,
      res,
      200,
      renderObjectionForm({
        locale: route.locale,
        number: route.number,
        summary,
        effectiveAt: window.effectiveAt,
        token,
      }),
    )
  }

  const receive = async (req: IncomingMessage, res: ServerResponse, route: ObjectionRoute) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/x-www-form-urlencoded') {
      res.shouldKeepAlive = false
      return send(
        req,
        res,
        415,
        renderBadInput(route.locale, 'Send the form as application/x-www-form-urlencoded.'),
      )
    }
    const body = await readForm(req)
    if (!body.ok) {
      res.shouldKeepAlive = false
      return send(
        req,
        res,
        body.status,
        renderBadInput(
          route.locale,
          body.status === 413
            ? `The form is larger than ${MAX_FORM_BYTES / 1024} KB.`
            : 'The form did not arrive whole.',
        ),
      )
    }
    const parsed = parseObjectionForm(body.text)
    if (!parsed.ok) {
      const token = new URLSearchParams(body.text).get('token') ?? ''
      const claim = token ? claimOf(route, token) : null
      if (!claim) return send(req, res, 400, renderBadInput(route.locale, parsed.problem))
      // A valid link: show the form again with the problem and what was typed.
      const { window, summary } = await releaseState(route)
      if (refusal(req, res, route, window) || window.state !== 'open') return
      const fields = new URLSearchParams(body.text)
      return send(
        req,
        res,
        400,
        renderObjectionForm({
          locale: route.locale,
          number: route.number,
          summary,
          effectiveAt: window.effectiveAt,
          token,
          problem: parsed.problem,
          values: {
            reason: fields.get('reason') ?? '',
            organisation: fields.get('organisation'),
            email: fields.get('email'),
          },
        }),
      )
    }
    const claim = claimOf(route, parsed.value.token)
    if (!claim) return send(req, res, 404, renderBadLink(route.locale))
    const { window } = await releaseState(route)
    if (refusal(req, res, route, window) || window.state !== 'open') return
    const recorded = await recordObjection(payload, {
      claim,
      form: parsed.value,
      effectiveAt: window.effectiveAt,
      now: new Date(clock()),
    })
    if (recorded.outcome === 'already-recorded')
      return send(
        req,
        res,
        409,
        renderAlreadyRecorded(route.locale, route.number, recorded.receivedAt),
      )
    send(req, res, 201, renderReceived(route.locale, route.number, recorded.receivedAt))
  }

  const handle = (req: IncomingMessage, res: ServerResponse, route: ObjectionRoute): void => {
    const locale = isLocaleCode(route.locale) ? route.locale : SOURCE_LOCALE
    const method = req.method ?? 'GET'
    if (!['GET', 'HEAD', 'POST'].includes(method)) {
      res.shouldKeepAlive = false
      return send(
        req,
        res,
        405,
        renderBadInput(locale, `${method} is not allowed here; use GET or POST.`),
        {
          Allow: 'GET, HEAD, POST',
        },
      )
    }
    if (!isLocaleCode(route.locale)) {
      if (method === 'POST') res.shouldKeepAlive = false
      return send(
        req,
        res,
        404,
        renderBadLink(locale, `"${route.locale}" is not a language of this site.`),
      )
    }
    if (method === 'POST' && limiter) {
      const decision = limiter.take(clientAddressOfRequest(req, options.trustProxy))
      if (!decision.allowed) {
        res.shouldKeepAlive = false
        return send(
          req,
          res,
          429,
          renderBadInput(
            locale,
            tooManyRequestsMessage('objections', limiter.rule, decision.retryAfterSeconds),
          ),
          { 'Retry-After': String(decision.retryAfterSeconds) },
        )
      }
    }
    const work = method === 'POST' ? receive(req, res, route) : show(req, res, route)
    work.catch((error: unknown) => {
      payload.logger.error({ err: error, path: req.url }, 'Objections: could not answer')
      if (res.headersSent) return void res.destroy()
      send(
        req,
        res,
        500,
        renderBadInput(locale, 'Something went wrong; nothing was recorded. Try again later.'),
      )
    })
  }

  return {
    /** Handles the request when it is for an objection link and says so; false leaves it to others. */
    serve: (req: IncomingMessage, res: ServerResponse): boolean => {
      const route = matchObjectionPath(req.url ?? '')
      if (!route) return false
      handle(req, res, route)
      return true
    },
  }
}
