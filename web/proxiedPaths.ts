/**
 * Everything the API process answers: GraphQL, GraphiQL and its assets, and Socket.io.
 * The app only ever talks to its own origin; whatever serves it (Vite in dev, host.ts
 * in production) forwards these paths to the API + relay.
 */
export const PROXIED_PATHS = ['/graphql', '/graphiql', '/_postgraphile', '/socket.io'] as const;

/** True for a proxied path itself and anything below it, with or without a query string. */
export function isProxied(url: string | undefined): boolean {
  const pathname = (url ?? '').split('?')[0] ?? '';
  return PROXIED_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
