import type { IncomingMessage } from 'node:http'

import { StartupError } from '../config/startupError'

/**
 * The header through which the Express layer tells Payload's hooks who is calling. The server sets
 * it on every request it hands to Payload, replacing whatever the client sent, so it cannot be forged.
 */
export const CLIENT_ADDRESS_HEADER = 'x-kaiji-client-address'

/** `KAIJI_TRUST_PROXY`: how many proxies in front append to X-Forwarded-For (0, the default, trusts none). */
export const trustedProxyHops = (
  raw: string | undefined = process.env.KAIJI_TRUST_PROXY,
): number => {
  if (raw === undefined || raw.trim() === '') return 0
  const hops = Number(raw)
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new StartupError(
      `KAIJI_TRUST_PROXY "${raw}" must be the number of proxies in front (0–10).`,
    )
  }
  return hops
}

/**
 * The caller's address: the socket's, or with `hops` trusted proxies the X-Forwarded-For entry the
 * farthest trusted proxy saw (entries further left are the client's own claims).
 */
export const clientAddressOf = (
  {
    socketAddress,
    forwardedFor,
  }: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined },
  hops: number,
): string => {
  const socket = socketAddress ?? 'unknown'
  if (hops === 0) return socket
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const chain = [...forwarded, socket]
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket
}

export const clientAddressOfRequest = (req: IncomingMessage, hops: number): string =>
  clientAddressOf(
    { socketAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'] },
    hops,
  )
