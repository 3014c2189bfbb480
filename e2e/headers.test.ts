/**
 * The web host's security headers (issue 12): a Content-Security-Policy that allows no
 * inline script and no framing, no MIME sniffing, and a referrer policy, on the app shell
 * and on its assets alike. And the app lives within that policy: nothing it does is blocked.
 */
import { DEMO } from './actions';
import { probe } from './probes';
import { useStack } from './stack';
import { openCenter } from './ui';

const stack = useStack();

/** The policy's directives by name, e.g. { 'script-src': ["'self'"] }. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectSecurityHeaders(response: Response, what: string): void {
  const header = (name: string) => response.headers.get(name);
  expect({ what, status: response.status }).toEqual({ what, status: 200 });
  const policy = header('content-security-policy');
  expect(policy).toBeTruthy();
  const csp = directives(policy!);
  // script-src, or default-src when there is none, governs scripts.
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts).toBeDefined();
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain('*');
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(header('x-content-type-options')).toBe('nosniff');
  expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(header('referrer-policy'));
}

describe('security headers of the web host', () => {
  it('are sent with the app shell, a client-side route and the assets', async () => {
    const shell = await fetch(stack.url('/'), { redirect: 'manual' });
    expectSecurityHeaders(shell, '/');
    const html = await shell.text();
    // The policy allows no inline script, so the shell has none.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, attributes, code]) => !/\bsrc=/.test(attributes ?? '') || (code ?? '').trim() !== '')).toEqual([]);

    expectSecurityHeaders(await fetch(stack.url('/leads/1')), '/leads/1');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expectSecurityHeaders(await fetch(stack.url(asset)), asset);
  });

  it('do not get in the app’s way: signing in, live updates and the center work with no violation', async () => {
    const page = await stack.signIn(DEMO);
    const response = await page.goto(stack.url('/dashboard'));
    expect(response?.headers()['content-security-policy']).toBeTruthy();
    await stack.ready(page);
    await openCenter(page);
    await stack.goto(page, '/settings');
    await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    expect((await probe(page)).cspViolations).toEqual([]);
  });
});
