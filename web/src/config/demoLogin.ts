import { DEMO_LOGIN_META } from './demoLoginMeta';

/**
 * Whoever serves index.html knows whether demo accounts were seeded (Vite in dev, or
 * host.ts outside production) and says so with a <meta> tag, so one build works both ways.
 */
export function isDemoLoginEnabled(doc: Document = document): boolean {
  return doc.querySelector(`meta[name="${DEMO_LOGIN_META}"]`)?.getAttribute('content') === 'true';
}
