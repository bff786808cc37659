import { request, type IncomingHttpHeaders } from 'node:http'

export type RawAnswer = {
  status?: number
  text?: string
  connection?: string
  sentBytes: number
  error?: string
}

/**
 * One request over node:http, for what fetch cannot send: a chunked body (no Content-Length), or a
 * body of `size` bytes streamed in 64 KB pieces (`prefix`, then "a"s, then `suffix`) as fast as the
 * server takes them. Resolves with the answer, or with the error if the server hung up first.
 */
export const sendRaw = (
  baseURL: string,
  {
    method = 'POST',
    path,
    headers = {},
    body,
    size,
    prefix = '',
    suffix = '',
    chunked = true,
  }: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string
    size?: number
    prefix?: string
    suffix?: string
    chunked?: boolean
  },
): Promise<RawAnswer> =>
  new Promise((resolve) => {
    const url = new URL(path, baseURL)
    const pieces: Buffer[] = body !== undefined ? [Buffer.from(body)] : []
    const total = body !== undefined ? Buffer.byteLength(body) : (size ?? 0)
    let sentBytes = 0
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers: {
          ...headers,
          ...(chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(total) }),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (part: string) => (text += part))
        res.on('end', () =>
          resolve({ status: res.statusCode, text, connection: res.headers.connection, sentBytes }),
        )
        res.on('error', (error) =>
          resolve({ status: res.statusCode, text, error: error.message, sentBytes }),
        )
      },
    )
    outgoing.on('error', (error) => resolve({ error: error.message, sentBytes }))
    if (body !== undefined) {
      sentBytes = total
      outgoing.end(pieces[0])
      return
    }
    const filler = Buffer.alloc(64 * 1024, 'a')
    const end = Buffer.from(suffix)
    outgoing.write(prefix)
    sentBytes = Buffer.byteLength(prefix)
    const write = () => {
      while (sentBytes < total - end.length) {
        const piece = filler.subarray(0, Math.min(filler.length, total - end.length - sentBytes))
        sentBytes += piece.length
        if (!outgoing.write(piece)) return void outgoing.once('drain', write)
      }
      sentBytes += end.length
      outgoing.end(end)
    }
    write()
  })

export type BytesAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** A request whose answer is kept as bytes: no decompression (fetch would undo Content-Encoding). */
export const getBytes = (
  baseURL: string,
  path: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
): Promise<BytesAnswer> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, baseURL)
    request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers },
      (res) => {
        const pieces: Buffer[] = []
        res.on('data', (piece: Buffer) => pieces.push(piece))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(pieces),
          }),
        )
        res.on('error', reject)
      },
    )
      .on('error', reject)
      .end()
  })
