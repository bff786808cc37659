import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http'
import { createServer as createTcpServer, type AddressInfo } from 'node:net'

import { allowPrivateWebhookTargets } from '@/config/settings'
import { postToCheckedAddresses, systemLookup } from '@/webhooks/sendWebhook'
import { checkWebhookUrl, ipv6Bytes, nonPublicKind } from '@/webhooks/targetAddress'

const literalOnly = { allowPrivate: false, lookup: null }

describe('webhook targets: addresses that are not the public internet', () => {
  it.each([
    ['http://127.0.0.1/hook', 'loopback'],
    ['http://127.1/hook', 'loopback'],
    ['http://2130706433/hook', 'loopback'],
    ['http://0x7f000001/hook', 'loopback'],
    ['http://017700000001/hook', 'loopback'],
    ['http://127.0.0.1./hook', 'loopback'],
    ['http://[::1]:8080/hook', 'loopback'],
    ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['http://[::ffff:7f00:1]/hook', 'loopback'],
    ['http://[2002:7f00:1::1]/hook', 'loopback'],
    ['http://0.0.0.0/hook', 'unspecified'],
    ['http://0/hook', 'unspecified'],
    ['http://[::]/hook', 'unspecified'],
    ['http://10.0.0.1/hook', 'private'],
    ['http://10.255.255.255/hook', 'private'],
    ['http://172.16.0.1/hook', 'private'],
    ['http://172.31.255.255/hook', 'private'],
    ['http://192.168.0.1/hook', 'private'],
    ['http://[fc00::1]/hook', 'private'],
    ['http://[fd12:3456:789a::1]/hook', 'private'],
    ['http://[64:ff9b::a00:1]/hook', 'private'],
    ['http://[::ffff:192.168.1.1]/hook', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'link-local'],
    ['http://[fe80::1]/hook', 'link-local'],
    ['http://[febf::1]/hook', 'link-local'],
    ['http://100.64.0.1/hook', 'shared (carrier-grade NAT)'],
    ['http://100.127.255.254/hook', 'shared (carrier-grade NAT)'],
    ['http://224.0.0.1/hook', 'multicast'],
    ['http://[ff02::1]/hook', 'multicast'],
    ['http://255.255.255.255/hook', 'reserved'],
  ])('%s is refused as %s, naming the host', async (url, kind) => {
    const check = await checkWebhookUrl(url, literalOnly)
    expect(check).toMatchObject({ ok: false, refused: true })
    expect(!check.ok && check.problem).toMatch(
      new RegExp(
        `^The host \\S+ is an? ${kind.replace(/[()]/g, '\\$&')} address: webhooks may only be sent to the public internet \\(KAIJI_WEBHOOK_ALLOW_PRIVATE=true allows private targets\\)\\.$`,
      ),
    )
  })

  it.each([
    'https://8.8.8.8/hook',
    'http://172.15.255.255/hook',
    'http://172.32.0.0/hook',
    'http://100.63.255.255/hook',
    'http://100.128.0.0/hook',
    'http://192.0.2.10:9/hook',
    'http://[2606:4700:4700::1111]/hook',
    'http://[2001:db8::1]/hook',
    'http://[::ffff:8.8.8.8]/hook',
  ])('%s is a public address and allowed', async (url) => {
    expect(await checkWebhookUrl(url, literalOnly)).toMatchObject({ ok: true })
  })

  it('KAIJI_WEBHOOK_ALLOW_PRIVATE=true lets loopback and private targets through', async () => {
    for (const url of ['http://127.0.0.1:4000/hook', 'http://[::1]/hook', 'http://10.0.0.1/hook']) {
      expect(await checkWebhookUrl(url, { allowPrivate: true, lookup: null })).toMatchObject({
        ok: true,
      })
    }
    expect(
      [undefined, '', 'false', 'FALSE', ' true '].map((raw) => allowPrivateWebhookTargets(raw)),
    ).toEqual([false, false, false, false, true])
    expect(() => allowPrivateWebhookTargets('yes')).toThrow(
      'KAIJI_WEBHOOK_ALLOW_PRIVATE "yes" must be "true" or "false".',
    )
  })

  it('refuses what is not an http(s) URL without credentials', async () => {
    expect(await checkWebhookUrl('ftp://8.8.8.8/hook', literalOnly)).toMatchObject({
      ok: false,
      problem: 'The URL must start with https:// or http://.',
    })
    expect(await checkWebhookUrl('/hook', literalOnly)).toMatchObject({
      ok: false,
      problem: /absolute URL/,
    })
    expect(await checkWebhookUrl('http://u:p@8.8.8.8/hook', literalOnly)).toMatchObject({
      ok: false,
      problem: /no credentials/,
    })
  })

  it('reads IPv6 addresses into bytes, with :: and a dotted IPv4 tail', () => {
    expect(ipv6Bytes('::1')).toEqual([...Array<number>(15).fill(0), 1])
    expect(ipv6Bytes('::ffff:127.0.0.1')?.slice(10)).toEqual([0xff, 0xff, 127, 0, 0, 1])
    expect(ipv6Bytes('2002:7f00:1::')?.slice(0, 6)).toEqual([0x20, 0x02, 127, 0, 0, 1])
    expect(ipv6Bytes('127.0.0.1')).toBeNull()
    expect(nonPublicKind('not an address')).toBeNull()
  })
})

describe('webhook targets: host names are resolved and every address checked', () => {
  it('a name that resolves to loopback (localhost, through the system resolver) is refused, naming the address', async () => {
    const check = await checkWebhookUrl('http://localhost:4000/hook', {
      allowPrivate: false,
      lookup: systemLookup,
    })
    expect(check).toMatchObject({ ok: false, refused: true })
    expect(!check.ok && check.problem).toMatch(
      /^The host localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/,
    )
    const allowed = await checkWebhookUrl('http://localhost:4000/hook', {
      allowPrivate: true,
      lookup: systemLookup,
    })
    expect(
      allowed.ok &&
        allowed.addresses.some(({ address }) => address === '127.0.0.1' || address === '::1'),
    ).toBe(true)
  })

  it('one private address among public ones is enough to refuse (the connection could pick it)', async () => {
    const lookup = async () => [
      { address: '203.0.113.10', family: 4 as const },
      { address: '10.0.0.7', family: 4 as const },
    ]
    const check = await checkWebhookUrl('https://hooks.example.org/kaiji', {
      allowPrivate: false,
      lookup,
    })
    expect(check).toMatchObject({
      ok: false,
      refused: true,
      problem: expect.stringMatching(
        /^The host hooks\.example\.org resolves to 10\.0\.0\.7, which is a private address/,
      ),
    })
  })

  it('a name that does not resolve is a failure to resolve, not a refusal', async () => {
    const check = await checkWebhookUrl('https://hooks.kaiji.invalid/x', {
      allowPrivate: false,
      lookup: systemLookup,
    })
    expect(check).toMatchObject({
      ok: false,
      refused: false,
      problem: expect.stringMatching(
        /^The host hooks\.kaiji\.invalid could not be resolved \(\w+\)\.$/,
      ),
    })
  })

  it('while the admin form is typed in, names are not resolved (only what the URL says is checked)', async () => {
    expect(await checkWebhookUrl('https://localhost/hook', literalOnly)).toEqual({
      ok: true,
      host: 'localhost',
      addresses: [],
    })
  })
})

describe('sending to the checked address', () => {
  it('connects to the address that was checked, keeping the name in the Host header', async () => {
    let seen: IncomingHttpHeaders | undefined
    const receiver = createHttpServer((req, res) => {
      seen = req.headers
      req.resume()
      req.on('end', () => res.writeHead(204).end())
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const { port } = receiver.address() as AddressInfo
    try {
      // The name does not resolve anywhere: only the pinned address can have been used.
      const url = new URL(`http://receiver.kaiji.invalid:${port}/hook`)
      const status = await postToCheckedAddresses(url, [{ address: '127.0.0.1', family: 4 }], {
        headers: { 'X-Test': '1' },
        body: '{"a":1}',
        timeoutMs: 5_000,
      })
      expect(status).toBe(204)
      expect(seen?.host).toBe(`receiver.kaiji.invalid:${port}`)
      expect(seen?.['content-length']).toBe('7')
      expect(seen?.['x-test']).toBe('1')
    } finally {
      receiver.close()
    }
  })

  it('over https, the TLS handshake names the host (SNI), not the address', async () => {
    let hello: Buffer = Buffer.alloc(0)
    const tcp = createTcpServer((socket) => {
      socket.once('data', (chunk: Buffer) => {
        hello = chunk
        socket.destroy()
      })
    })
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
    const { port } = tcp.address() as AddressInfo
    try {
      const url = new URL(`https://receiver.kaiji.invalid:${port}/hook`)
      await expect(
        postToCheckedAddresses(url, [{ address: '127.0.0.1', family: 4 }], {
          headers: {},
          body: '{}',
          timeoutMs: 5_000,
        }),
      ).rejects.toThrow()
      expect(hello[0]).toBe(0x16) // a TLS handshake record
      expect(hello.includes(Buffer.from('receiver.kaiji.invalid'))).toBe(true)
    } finally {
      tcp.close()
    }
  })
})
