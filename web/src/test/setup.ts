import '@testing-library/jest-dom';

// Apollo 3.14's CommonJS bundles (what Jest loads) each keep their own "muted" flag, so
// Apollo's internal calls print v4 deprecation warnings that the browser build never shows.
(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true;
