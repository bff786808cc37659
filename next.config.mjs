import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Express server and the Next bundle share one Payload instance: keep Payload and the database
  // adapters out of the bundle so both load the same copy from node_modules.
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@libsql/client',
    'libsql',
    'mongoose',
    'drizzle-kit',
  ],
  poweredByHeader: false,
  // Type checking is `npm run typecheck`, run by the test suite; a start-up build must not fail on a
  // test file's types.
  typescript: { ignoreBuildErrors: true },
  devIndicators: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
