import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload, PayloadRequest, Where } from 'payload'

import { isLocaleCode, LOCALES, type LocaleCode } from '../config/locales'
import { publicBaseUrl } from '../config/publicAddress'
import { resolvedPayloadSecret, settings } from '../config/settings'
import { inLocalTransaction } from '../database/localTransaction'
import { outboxQueued } from '../outbox/signal'
import { queueMessage } from '../outbox/queue'
import { clientAddressOfRequest } from '../security/clientAddress'
import { RateLimiter, tooManyRequestsMessage, type RateLimitRule } from '../security/rateLimit'
import { confirmationEmail } from './confirmationEmail'
import { hashConfirmationToken, newConfirmationToken } from './confirmationToken'
import { confirmationUrl, unsubscribeUrl } from './links'
import { verifyToken } from './signedToken'
import { parseSubscribeForm } from './subscribeForm'
import { subscriptionPage } from './subscriptionPages'
import {
  ALLOWED_METHODS,
  matchSubscriptionRoute,
  type SubscriptionRoute,
} from './subscriptionRoutes'
import { subscriptionStrings } from './strings'
import { CONFIRMATION_VALID_MS, CONSENT_VERSION } from './subscriptionTerms'

const system = { overrideAccess: true, depth: 0 } as const

/** A form of three short fields, or a token: far below this. */
export const MAX_FORM_BYTES = 4 * 1024

type Answer = { status: number; message: string; html: string; retryAfter?: number; allow?: string }

const wantsJson = (req: IncomingMessage): boolean =>
  /\bapplication\/json\b/i.test(String(req.headers.accept ?? ''))

const write = (req: IncomingMessage, res: ServerResponse, answer: Answer): void => {
  const json = wantsJson(req)
  const body = json
    ? JSON.stringify(
        answer.status < 400
          ? { message: answer.message }
          : { errors: [{ message: answer.message }] },
      )
    : answer.html
  res.writeHead(answer.status, {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    ...(answer.retryAfter ? { 'Retry-After': String(answer.retryAfter) } : {}),
    ...(answer.allow ? { Allow: answer.allow } : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

const problemAnswer = (
  locale: string,
  status: number,
  message: string,
  extra: Partial<Answer> = {},
): Answer => ({
  status,
  message,
  html: subscriptionPage({
    locale: isLocaleCode(locale) ? locale : 'en',
    title: String(status),
    message,
  }),
  ...extra,
})

class BodyTooLarge extends Error {}

/** The body as text, refusing more than MAX_FORM_BYTES whatever Content-Length says. */
const readSmallBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES) {
      reject(new BodyTooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > MAX_FORM_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const isForm = (req: IncomingMessage): boolean =>
  /^application\/x-www-form-urlencoded\b/i.test(String(req.headers['content-type'] ?? ''))

/** A transaction of its own, run again if it meets another writer (see inLocalTransaction). */
const transaction = <T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> =>
  inLocalTransaction(payload, work)

const limited = (rule: RateLimitRule | null) => (rule ? new RateLimiter(rule) : null)

/**
 * Subscribe (double opt-in), confirm and unsubscribe, for both server processes. Answers are HTML
 * pages, or JSON when the client asks for it; the answer to a subscribe request is the same whether
 * the address is new, pending or already subscribed.
 */
export const createSubscriptionService = (
  payload: Payload,
  {
    clock = Date.now,
    perClient = settings().rateLimits.subscribe,
    perEmail = settings().rateLimits.subscribeEmail,
    hops = settings().trustProxy,
  }: {
    clock?: () => number
    perClient?: RateLimitRule | null
    perEmail?: RateLimitRule | null
    hops?: number
  } = {},
) => {
  const clientLimiter = limited(perClient)
  const emailLimiter = limited(perEmail)

  const subscribe = async (req: IncomingMessage, locale: LocaleCode): Promise<Answer> => {
    const strings = subscriptionStrings(locale)
    if (clientLimiter && perClient) {
      const decision = clientLimiter.take(clientAddressOfRequest(req, hops))
      if (!decision.allowed)
        return problemAnswer(
          locale,
          429,
          tooManyRequestsMessage('subscribe requests', perClient, decision.retryAfterSeconds),
          {
            retryAfter: decision.retryAfterSeconds,
          },
        )
    }
    if (!isForm(req))
      return problemAnswer(
        locale,
        400,
        'Send the form as application/x-www-form-urlencoded with "email" and "scope".',
      )
    const form = parseSubscribeForm(await readSmallBody(req), locale)
    if (!form.ok) return problemAnswer(locale, 400, form.problem)
    const { email, scope } = form.value
    if (emailLimiter && perEmail) {
      const decision = emailLimiter.take(email)
      if (!decision.allowed)
        return problemAnswer(
          locale,
          429,
          `Too many subscribe requests for this email address: at most ${perEmail.limit} per ${perEmail.windowSeconds} s. Try again in ${decision.retryAfterSeconds} s.`,
          { retryAfter: decision.retryAfterSeconds },
        )
    }
    const chosen = form.value.locale
    const { token, hash } = newConfirmationToken()
    const base = publicBaseUrl()
    await transaction(payload, async (tx) => {
      const request = await payload.create({
        collection: 'subscription-requests',
        data: {
          email,
          locale: chosen,
          scope,
          tokenHash: hash,
          expiresAt: new Date(clock() + CONFIRMATION_VALID_MS).toISOString(),
          consentVersion: CONSENT_VERSION,
        },
        req: tx,
        ...system,
      })
      await queueMessage(payload, tx, {
        key: `subscription:confirm:${request.id}`,
        channel: 'email',
        topic: 'subscription.confirm',
        recipient: email,
        locale: chosen,
        content: confirmationEmail({
          to: email,
          locale: chosen,
          scope,
          confirmUrl: confirmationUrl(base, chosen, token),
          unsubscribeUrl: unsubscribeUrl(base, resolvedPayloadSecret(), email, chosen),
        }),
      })
    })
    outboxQueued()
    return {
      status: 202,
      message: strings.pages.requested,
      html: subscriptionPage({
        locale,
        title: strings.confirm.subject.replace('{page}', strings.pageName),
        message: strings.pages.requested,
      }),
    }
  }

  const tokenOf = (url: string, body: string | null): string =>
    (body !== null ? new URLSearchParams(body).get('token') : null) ??
    new URL(url, 'http://x').searchParams.get('token') ??
    ''

  const confirm = async (req: IncomingMessage, locale: LocaleCode): Promise<Answer> => {
    const strings = subscriptionStrings(locale)
    const path = (req.url ?? '').split('?')[0] ?? ''
    if (req.method !== 'POST') {
      // Mail scanners open links: looking at the page confirms nothing, its button does.
      const token = tokenOf(req.url ?? '', null)
      return {
        status: 200,
        message: strings.pages.confirmTitle,
        html: subscriptionPage({
          locale,
          title: strings.pages.confirmTitle,
          form: { action: path, fields: { token }, button: strings.pages.confirmButton },
        }),
      }
    }
    const token = tokenOf(req.url ?? '', isForm(req) ? await readSmallBody(req) : null)
    const invalid = problemAnswer(locale, 410, strings.pages.linkInvalid)
    if (!token) return problemAnswer(locale, 400, 'The confirmation link has no token.')
    const confirmed = await transaction(payload, async (tx) => {
      const { docs } = await payload.find({
        collection: 'subscription-requests',
        where: { tokenHash: { equals: hashConfirmationToken(token) } },
        limit: 1,
        req: tx,
        ...system,
      })
      const request = docs[0]
      if (!request) return false
      // Used or not, the link works once.
      await payload.delete({
        collection: 'subscription-requests',
        id: request.id,
        req: tx,
        ...system,
      })
      if (Date.parse(request.expiresAt) <= clock()) return false
      const data = {
        scope: request.scope,
        confirmedAt: new Date(clock()).toISOString(),
        consentVersion: request.consentVersion,
      }
      const { docs: existing } = await payload.find({
        collection: 'subscribers',
        where: {
          and: [{ email: { equals: request.email } }, { locale: { equals: request.locale } }],
        },
        limit: 1,
        req: tx,
        ...system,
      })
      if (existing[0])
        await payload.update({
          collection: 'subscribers',
          id: existing[0].id,
          data,
          req: tx,
          ...system,
        })
      else
        await payload.create({
          collection: 'subscribers',
          data: { ...data, email: request.email, locale: request.locale },
          req: tx,
          ...system,
        })
      return true
    })
    if (!confirmed) return invalid
    return {
      status: 200,
      message: strings.pages.confirmed,
      html: subscriptionPage({
        locale,
        title: strings.pages.confirmTitle,
        message: strings.pages.confirmed,
      }),
    }
  }

  const unsubscribe = async (req: IncomingMessage, locale: LocaleCode): Promise<Answer> => {
    const strings = subscriptionStrings(locale)
    const url = req.url ?? ''
    if (req.method !== 'POST') {
      return {
        status: 200,
        message: strings.pages.unsubscribeTitle,
        html: subscriptionPage({
          locale,
          title: strings.pages.unsubscribeTitle,
          form: {
            action: url,
            fields: { 'List-Unsubscribe': 'One-Click' },
            button: strings.pages.unsubscribeButton,
          },
        }),
      }
    }
    // RFC 8058: the token is in the URL and the body says `List-Unsubscribe=One-Click`.
    const body = isForm(req) ? await readSmallBody(req) : ''
    const fields = verifyToken(resolvedPayloadSecret(), 'unsubscribe', tokenOf(url, body))
    const email = typeof fields?.e === 'string' ? fields.e : null
    const tokenLocale = fields?.l
    if (!email || tokenLocale !== locale)
      return problemAnswer(
        locale,
        400,
        'This unsubscribe link is not valid; use the link in one of our emails.',
      )
    await transaction(payload, async (tx) => {
      const where: Where = { and: [{ email: { equals: email } }, { locale: { equals: locale } }] }
      await payload.delete({ collection: 'subscribers', where, req: tx, ...system })
      await payload.delete({ collection: 'subscription-requests', where, req: tx, ...system })
    })
    return {
      status: 200,
      message: strings.pages.unsubscribed,
      html: subscriptionPage({
        locale,
        title: strings.pages.unsubscribeTitle,
        message: strings.pages.unsubscribed,
      }),
    }
  }

  const answer = async (req: IncomingMessage, route: SubscriptionRoute): Promise<Answer> => {
    const allowed = ALLOWED_METHODS[route.kind]
    if (!allowed.includes(req.method ?? ''))
      return problemAnswer(
        route.locale,
        405,
        `${req.method} is not allowed here; use ${allowed.join(', ')}.`,
        {
          allow: allowed.join(', '),
        },
      )
    if (!isLocaleCode(route.locale))
      return problemAnswer(
        route.locale,
        400,
        `Unknown language "${route.locale.slice(0, 20)}"; use one of ${LOCALES.join(', ')}.`,
      )
    try {
      if (route.kind === 'subscribe') return await subscribe(req, route.locale)
      if (route.kind === 'confirm') return await confirm(req, route.locale)
      return await unsubscribe(req, route.locale)
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return problemAnswer(route.locale, 413, `The form is larger than ${MAX_FORM_BYTES} bytes.`)
      throw error
    }
  }

  /** Answers a subscription path and returns true; false for any other path. */
  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const route = matchSubscriptionRoute(req.url ?? '')
    if (!route) return false
    answer(req, route).then(
      (result) => {
        if (result.status === 413) res.shouldKeepAlive = false
        write(req, res, result)
      },
      (error: unknown) => {
        payload.logger.error({ err: error, path: req.url }, 'Subscriptions: could not answer')
        if (!res.headersSent)
          write(
            req,
            res,
            problemAnswer(
              route.locale,
              500,
              'Something went wrong; nothing was changed. Please try again.',
            ),
          )
      },
    )
    return true
  }

  return { handle }
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>
