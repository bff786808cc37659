import type { IncomingMessage } from 'node:http'

/**
 * The header through which the Express layer tells Payload's hooks who is calling. The server sets
 * it on every request it hands to Payload, replacing whatever the client sent, so it cannot be forged.
 */
export const CLIENT_ADDRESS_HEADER = 'x-kaiji-client-address'

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
