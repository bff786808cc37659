import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'

import {
  BoundedIncomingMessage,
  DISCARD_AT_MOST_BYTES,
  ignoreBody,
  MAX_BODY_BYTES,
  whenBodyFits,
} from '@/server/requestBody'

/** A server as the real one is built: bounded requests, Express in front, a handler that reads the body itself (as Next does). */
const serve = async () => {
  const handled: number[] = []
  const app = express()
  app.use((req, res, next) => {
    void whenBodyFits(req, res).then((fits) => fits && next(), next)
  })
  app.all('/{*path}', async (req, res) => {
    let bytes = 0
    for await (const chunk of req) bytes += (chunk as Buffer).length
    handled.push(bytes)
    res.json({ bytes })
  })
  const server: Server = createServer({ IncomingMessage: BoundedIncomingMessage }, (req, res) => {
    if (req.url === '/public') {
      ignoreBody(req, res)
      res.end('public')
      return
    }
    app(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, handled, port: (server.address() as AddressInfo).port }
}

type Sent = {
  status?: number
  body?: string
  connection?: string
  sentBytes: number
  error?: string
}

/** Sends `total` bytes in 64 KB chunks (chunked unless a length is declared), as fast as the server takes them. */
const send = (
  port: number,
  path: string,
  total: number,
  { declare = false, method = 'POST' } = {},
) =>
  new Promise<Sent>((resolve) => {
    let sentBytes = 0
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: declare ? { 'Content-Length': total } : { 'Transfer-Encoding': 'chunked' },
      },
      (res) => {
        let body = ''
        res.on('data', (part: Buffer) => (body += part.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode, body, connection: res.headers.connection, sentBytes }),
        )
      },
    )
    outgoing.on('error', (error) => resolve({ error: error.message, sentBytes }))
    const write = () => {
      while (sentBytes < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sentBytes))
        sentBytes += piece.length
        if (!outgoing.write(piece)) return void outgoing.once('drain', write)
      }
      outgoing.end()
    }
    write()
  })

describe('request bodies are counted as they arrive', () => {
  let running: Awaited<ReturnType<typeof serve>>
  beforeAll(async () => {
    running = await serve()
  })
  afterAll(() => running.server.close())
  beforeEach(() => {
    running.handled.length = 0
  })

  it('a chunked body within the limit reaches the handler whole', async () => {
    const answer = await send(running.port, '/api/x', MAX_BODY_BYTES)
    expect(answer).toMatchObject({ status: 200, body: JSON.stringify({ bytes: MAX_BODY_BYTES }) })
    expect(running.handled).toEqual([MAX_BODY_BYTES])
  })

  it('a chunked body over the limit gets 413 and never reaches the handler', async () => {
    const answer = await send(running.port, '/api/users/login', MAX_BODY_BYTES + 1)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body ?? '{}')).toEqual({
      errors: [{ message: 'The request body is larger than 2 MB.' }],
    })
    expect(answer.connection).toBe('close')
    expect(running.handled).toEqual([])
  })

  it('a 256 MB chunked body is cut off: the server stops reading soon after the discard allowance', async () => {
    const answer = await send(running.port, '/api/users/login', 256 * 1024 * 1024)
    // The client may see the 413 or, still writing when the server hangs up, a reset; either way it was not read whole.
    if (answer.error === undefined) expect(answer.status).toBe(413)
    expect(answer.sentBytes).toBeLessThan(DISCARD_AT_MOST_BYTES + 32 * 1024 * 1024)
    expect(running.handled).toEqual([])
  }, 30_000)

  it('a declared length over the limit gets 413 too', async () => {
    expect(
      await send(running.port, '/api/x', MAX_BODY_BYTES + 10, { declare: true }),
    ).toMatchObject({ status: 413 })
    expect(running.handled).toEqual([])
  })

  it('a route that reads no body answers, then closes the connection instead of draining it', async () => {
    const answer = await send(running.port, '/public', 64 * 1024 * 1024, { method: 'GET' })
    expect(answer).toMatchObject({ status: 200, body: 'public', connection: 'close' })
    expect(answer.sentBytes).toBeLessThan(64 * 1024 * 1024)
  })
})
