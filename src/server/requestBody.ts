import { IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/** Larger than any document, XLIFF file or GraphQL query a client of ours sends. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024
/**
 * After the limit, this much more is read and dropped so that a client that sent a little too much
 * sees the 413 rather than a reset; past it the connection is closed, since reading on is the attack.
 */
export const DISCARD_AT_MOST_BYTES = 32 * 1024 * 1024

export type BodyOutcome = 'complete' | 'too-large' | 'aborted'

/** How much of one request's body has arrived, and how it ended. */
class BodyCounter {
  bytes = 0
  private outcome: BodyOutcome | null = null
  private exceeded = false
  private readonly waiting: Array<(outcome: BodyOutcome) => void> = []

  constructor(private readonly req: IncomingMessage) {}

  wait(): Promise<BodyOutcome> {
    if (this.outcome) return Promise.resolve(this.outcome)
    if (this.waiting.length === 0) {
      this.req.once('close', () => this.settle('aborted'))
      this.req.once('error', () => this.settle('aborted'))
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  /** The HTTP parser hands every piece of the body (and its end, as null) to the request's push. */
  push(
    chunk: unknown,
    encoding: BufferEncoding | undefined,
    keep: (chunk: unknown, encoding?: BufferEncoding) => boolean,
  ): boolean {
    if (chunk === null) {
      this.settle(this.exceeded ? 'too-large' : 'complete')
      return this.exceeded ? false : keep(null)
    }
    this.bytes +=
      Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
        ? chunk.byteLength
        : Buffer.byteLength(String(chunk), encoding)
    if (this.bytes > MAX_BODY_BYTES) this.exceeded = true
    if (this.exceeded) {
      if (this.bytes <= DISCARD_AT_MOST_BYTES) return true
      this.settle('too-large')
      // Not from inside the parser's callback: the socket goes once the parser has returned.
      setImmediate(() => this.req.socket?.destroy())
      return false
    }
    keep(chunk, encoding)
    // Keep receiving even while nobody reads yet: at most MAX_BODY_BYTES can pile up.
    return true
  }

  private settle(outcome: BodyOutcome): void {
    if (this.outcome) return
    this.outcome = outcome
    for (const resolve of this.waiting.splice(0)) resolve(outcome)
  }
}

const counters = new WeakMap<IncomingMessage, BodyCounter>()

/**
 * The server's requests (`createServer({ IncomingMessage: BoundedIncomingMessage })`): the body is
 * counted as the socket delivers it, whether or not anyone reads it, with or without Content-Length.
 * Up to MAX_BODY_BYTES it is kept for whoever reads it later (Next, Payload); past it nothing more is
 * kept, the rest is dropped up to DISCARD_AT_MOST_BYTES, and then the connection is closed.
 */
export class BoundedIncomingMessage extends IncomingMessage {
  constructor(socket: Socket) {
    super(socket)
    const counter = new BodyCounter(this)
    counters.set(this, counter)
    const keep = super.push.bind(this)
    // An own property, not a method: Express swaps the request's prototype for its own.
    this.push = (chunk: unknown, encoding?: BufferEncoding) => counter.push(chunk, encoding, keep)
  }
}

/** How the body of a BoundedIncomingMessage ends; null for any other request. */
export const bodyOutcome = (req: IncomingMessage): Promise<BodyOutcome> | null =>
  counters.get(req)?.wait() ?? null

export const tooLargeMessage = `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`

/** Whether the request says it has a body (a length above 0, or chunked). */
export const declaresBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0

/** The JSON 413 every oversized body gets; the connection closes after it. */
export const refuseTooLarge = (res: ServerResponse): void => {
  if (res.headersSent) {
    res.socket?.destroy()
    return
  }
  const body = JSON.stringify({ errors: [{ message: tooLargeMessage }] })
  res.writeHead(413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  })
  res.end(body)
}

/**
 * Waits for the whole body (at most MAX_BODY_BYTES of it) before the request goes on, so that no
 * handler starts on a body that is then cut off; answers 413 for a larger one. A declared length past
 * what is worth discarding is refused at once.
 */
export const whenBodyFits = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
  if (Number(req.headers['content-length'] ?? 0) > DISCARD_AT_MOST_BYTES) {
    refuseTooLarge(res)
    res.once('finish', () => req.socket?.destroy())
    return false
  }
  const pending = bodyOutcome(req)
  if (!pending) return true
  const outcome = await pending
  if (outcome === 'too-large') refuseTooLarge(res)
  return outcome === 'complete'
}

/**
 * For routes that never read a body (the public site): one that arrives anyway is not read on after
 * the answer; the connection closes instead of draining it.
 */
export const ignoreBody = (req: IncomingMessage, res: ServerResponse): void => {
  if (declaresBody(req)) res.shouldKeepAlive = false
}
