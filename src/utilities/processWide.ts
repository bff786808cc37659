/**
 * One value per process under `name`. Next bundles each route (REST, GraphQL, the admin) with its own
 * copy of our modules, and the server has another: state they must share lives on the process.
 */
export const processWide = <T>(name: string, create: () => T): T => {
  const store = globalThis as typeof globalThis & Record<symbol, T | undefined>
  const key = Symbol.for(`kaiji.${name}`)
  if (!(key in store)) store[key] = create()
  return store[key] as T
}
