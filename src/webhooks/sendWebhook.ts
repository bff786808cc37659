import { lookup as dnsLookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'

import type { Lookup, ResolvedAddress } from './targetAddress'

const LOOKUP_TIMEOUT_MS = 5_000

/** Every address the system resolver gives for `hostname` (as the connection would see them), or an error after 5 s. */
export const systemLookup: Lookup = async (hostname) => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })),
      LOOKUP_TIMEOUT_MS,
    )
  })
  try {
    const found = await Promise.race([dnsLookup(hostname, { all: true, verbatim: true }), timeout])
    return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }))
  } finally {
    clearTimeout(timer)
  }
}

/** A resolver for the connection that answers only with addresses already checked: no second DNS answer to trust. */
const pinnedLookup =
  (addresses: readonly ResolvedAddress[]): LookupFunction =>
  (_hostname, options, callback) => {
    const usable =
      options.family === 4 || options.family === 6
        ? addresses.filter(({ family }) => family === options.family)
        : addresses
    const [first] = usable
    if (!first) {
      callback(
        Object.assign(new Error(`No checked IPv${String(options.family)} address`), {
          code: 'ENOTFOUND',
        }),
        '',
        0,
      )
      return
    }
    if (options.all)
      callback(
        null,
        usable.map(({ address, family }) => ({ address, family })),
      )
    else callback(null, first.address, first.family)
  }

/**
 * POSTs `body` to `url`, connecting only to `addresses`. The URL keeps its host name, so the Host
 * header and TLS (server name and certificate check) are those of the name, not of the address.
 * Resolves with the status; the response body is read and dropped.
 */
export const postToCheckedAddresses = (
  url: URL,
  addresses: readonly ResolvedAddress[],
  {
    headers,
    body,
    timeoutMs,
  }: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<number> =>
  new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(addresses),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.once('error', reject)
        response.once('end', () => resolve(response.statusCode ?? 0))
        response.resume()
      },
    )
    request.once('error', reject)
    request.end(body)
  })
