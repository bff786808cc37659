import { BlockList, isIP } from 'node:net'

/**
 * Which addresses a webhook may not be sent to: this machine, private networks and everything else
 * that is not the public internet, so that an admin account (or whoever holds one) cannot make the
 * server POST into the network it runs in. Documentation ranges (192.0.2.0/24 and the like) are
 * allowed: they route nowhere, and examples use them.
 */
const RANGES: ReadonlyArray<readonly [kind: string, cidr: string]> = [
  ['unspecified', '0.0.0.0/8'],
  ['private', '10.0.0.0/8'],
  ['shared (carrier-grade NAT)', '100.64.0.0/10'],
  ['loopback', '127.0.0.0/8'],
  ['link-local', '169.254.0.0/16'],
  ['private', '172.16.0.0/12'],
  ['reserved', '192.0.0.0/24'],
  ['private', '192.168.0.0/16'],
  ['reserved', '198.18.0.0/15'],
  ['multicast', '224.0.0.0/4'],
  ['reserved', '240.0.0.0/4'],
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['reserved', '::/96'],
  ['reserved', '100::/64'],
  ['reserved', '2001::/32'],
  ['private', 'fc00::/7'],
  ['link-local', 'fe80::/10'],
  ['private', 'fec0::/10'],
  ['multicast', 'ff00::/8'],
  ['reserved', '64:ff9b:1::/48'],
]

const LISTS: ReadonlyArray<{ kind: string; list: BlockList }> = (() => {
  const byKind = new Map<string, BlockList>()
  for (const [kind, cidr] of RANGES) {
    const [network = '', prefix = ''] = cidr.split('/')
    const list = byKind.get(kind) ?? new BlockList()
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4')
    byKind.set(kind, list)
  }
  return [...byKind].map(([kind, list]) => ({ kind, list }))
})()

/** The 16 bytes of an IPv6 address (with `::` and a dotted IPv4 tail), or null when it is not one. */
export const ipv6Bytes = (address: string): number[] | null => {
  if (isIP(address) !== 6) return null
  let text = address.replace(/%.*$/, '')
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number)
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const words = (part: string) =>
    part === '' ? [] : part.split(':').map((word) => parseInt(word, 16))
  const left = words(head)
  const right = tail === undefined ? [] : words(tail)
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right]
  return all.flatMap((word) => [word >> 8, word & 0xff])
}

const ipv4Of = (bytes: number[], from: number): string => bytes.slice(from, from + 4).join('.')

const startsWith = (bytes: number[], prefix: number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte)

/** The IPv4 address an IPv6 one carries (IPv4-mapped, NAT64, 6to4), or null. */
const embeddedIpv4 = (address: string): string | null => {
  const bytes = ipv6Bytes(address)
  if (!bytes) return null
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return ipv4Of(bytes, 12)
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return ipv4Of(bytes, 12)
  if (startsWith(bytes, [0x20, 0x02])) return ipv4Of(bytes, 2)
  return null
}

/**
 * What kind of non-public address `address` is ("loopback", "private", …), or null for a public one
 * (or anything that is not an IP address at all).
 */
export const nonPublicKind = (address: string): string | null => {
  const plain = address.replace(/^\[|\]$/g, '')
  const family = isIP(plain)
  if (family === 0) return null
  const embedded = family === 6 ? embeddedIpv4(plain) : null
  if (embedded) return nonPublicKind(embedded)
  const type = family === 6 ? 'ipv6' : 'ipv4'
  return LISTS.find(({ list }) => list.check(plain, type))?.kind ?? null
}

/** The host part of a URL as an address or a name: brackets off an IPv6 literal, no trailing dot. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')

export type ResolvedAddress = { address: string; family: 4 | 6 }
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>

export type TargetCheck =
  | { ok: true; host: string; addresses: ResolvedAddress[] }
  /** `refused`: the target is not allowed; otherwise it could not be resolved (a fault, not a policy). */
  | { ok: false; refused: boolean; problem: string }

const refusal = (host: string, address: string, kind: string): string =>
  `${address === host ? `The host ${host} is` : `The host ${host} resolves to ${address}, which is`} ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} address: ` +
  'webhooks may only be sent to the public internet (KAIJI_WEBHOOK_ALLOW_PRIVATE=true allows private targets).'

/**
 * Resolves the URL's host and checks every address it has (one private address is enough to refuse:
 * the connection might pick it). The addresses returned are the ones to connect to, so DNS cannot
 * answer differently between the check and the connection. With `lookup` null a host name is not
 * resolved (only addresses written in the URL are checked) and no addresses are returned.
 */
export const checkWebhookTarget = async (
  url: URL,
  { allowPrivate, lookup }: { allowPrivate: boolean; lookup: Lookup | null },
): Promise<TargetCheck> => {
  const host = hostOf(url)
  const family = isIP(host)
  let addresses: ResolvedAddress[]
  if (family === 4 || family === 6) addresses = [{ address: host, family }]
  else if (!lookup) return { ok: true, host, addresses: [] }
  else {
    try {
      addresses = await lookup(host)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      return {
        ok: false,
        refused: false,
        problem: `The host ${host} could not be resolved (${code}).`,
      }
    }
    if (addresses.length === 0)
      return { ok: false, refused: false, problem: `The host ${host} has no address.` }
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const kind = nonPublicKind(address)
      if (kind) return { ok: false, refused: true, problem: refusal(host, address, kind) }
    }
  }
  return { ok: true, host, addresses }
}

/** Is `value` a URL a webhook may have: absolute http(s), no credentials, a target allowed by checkWebhookTarget. */
export const checkWebhookUrl = async (
  value: unknown,
  options: { allowPrivate: boolean; lookup: Lookup | null },
): Promise<TargetCheck> => {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    return {
      ok: false,
      refused: true,
      problem: 'Enter an absolute URL, e.g. https://example.org/hooks/kaiji.',
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, refused: true, problem: 'The URL must start with https:// or http://.' }
  if (url.username || url.password)
    return {
      ok: false,
      refused: true,
      problem: 'Put no credentials in the URL; the signature authenticates each delivery.',
    }
  return checkWebhookTarget(url, options)
}
