/**
 * Name of the <meta> tag through which whoever serves index.html tells the app that
 * demo accounts exist. Shared by vite.config.ts, host.ts and the login page so the
 * three never drift apart.
 */
export const DEMO_LOGIN_META = 'bellhop-demo-login';

export const DEMO_ACCOUNT = { email: 'demo@example.com', password: 'demo-password' } as const;
