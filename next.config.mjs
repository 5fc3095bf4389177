/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "graphql", "@octokit/graphql-schema"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
