export default async function globalTeardown() {
  const servers = globalThis.__kaijiServers
  if (!servers) return
  globalThis.__kaijiServers = undefined
  await Promise.all(servers.map((server) => server.stop({ removeData: true })))
}
