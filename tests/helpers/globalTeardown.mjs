export default async function globalTeardown() {
  const server = globalThis.__kaijiServer
  if (!server) return
  globalThis.__kaijiServer = undefined
  await server.stop({ removeData: true })
}
