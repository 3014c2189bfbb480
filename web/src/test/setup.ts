import '@testing-library/jest-dom';

// userEvent-driven tests take well under a second, but CI machines can be busy. Set here
// rather than as testTimeout, which Jest ignores inside the root config's projects.
jest.setTimeout(20_000);

// Apollo 3.14's CommonJS bundles (what Jest loads) each keep their own "muted" flag, so
// Apollo's internal calls print v4 deprecation warnings that the browser build never shows.
(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true;
