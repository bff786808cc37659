/**
 * How the project's TypeScript entry points become plain ES modules: the build (server and CLIs)
 * and the tests' cached CLI bundles use these same options. Packages stay in node_modules.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
}
