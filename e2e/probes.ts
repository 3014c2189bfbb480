/**
 * What a person would notice but a test cannot see in one look: every toast that ever
 * popped up (even one gone again), the most toasts on screen at once, the page's long
 * tasks (a frozen page), every state the connection indicator showed, and CSP violations.
 * Installed in every window before the app's own code runs (Stack.newContext).
 */
import type { Page } from 'playwright-core';

interface ProbeState {
  /** Every text a toast showed, in the order first seen. */
  toasts: string[];
  /** The most toasts visible at the same time since the last reset. */
  maxVisibleToasts: number;
  /** Main-thread tasks over 50 ms: start (performance.now()) and duration. */
  longTasks: Array<{ start: number; duration: number }>;
  /** The connection indicator's data-state, each change since the last reset. */
  connectionStates: string[];
  cspViolations: string[];
  /** performance.now() at the last reset. */
  since: number;
}

type Probe = ProbeState & { reset(): void };

/** The little of the DOM the probe uses (this project compiles without the DOM library). */
interface ProbedElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface BrowserGlobals {
  __probe?: Probe;
  document: {
    querySelectorAll(selector: string): ArrayLike<ProbedElement>;
    querySelector(selector: string): ProbedElement | null;
    addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
  PerformanceObserver: {
    new (callback: (list: { getEntries(): Array<{ startTime: number; duration: number }> }) => void): { observe(options: object): void };
    supportedEntryTypes: readonly string[];
  };
}

/** Runs in the page before any of its scripts (page.addInitScript); keep it self-contained. */
export function installProbe(): void {
  // Serialised into the page: only what is defined inside this function exists there.
  const w = globalThis as unknown as BrowserGlobals;
  if (w.__probe) return;
  const { document } = w;
  const seen = new Set<string>();
  const probe: Probe = {
    toasts: [],
    maxVisibleToasts: 0,
    longTasks: [],
    connectionStates: [],
    cspViolations: [],
    since: 0,
    reset() {
      probe.toasts = [];
      seen.clear();
      probe.maxVisibleToasts = 0;
      probe.connectionStates = [];
      probe.since = performance.now();
    },
  };
  w.__probe = probe;
  let lastState: string | null = null;
  const look = () => {
    const toasts = Array.from(document.querySelectorAll('[data-sonner-toast]'));
    let visible = 0;
    for (const toast of toasts) {
      const text = toast.textContent ?? '';
      if (!seen.has(text)) {
        seen.add(text);
        probe.toasts.push(text);
      }
      // Sonner keeps toasts beyond its limit in the DOM, transparent (data-visible="false").
      if (toast.getAttribute('data-visible') === 'true' && toast.getAttribute('data-removed') !== 'true') visible += 1;
    }
    probe.maxVisibleToasts = Math.max(probe.maxVisibleToasts, visible);
    const state = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') ?? null;
    if (state !== null && state !== lastState) probe.connectionStates.push(state);
    lastState = state;
  };
  new w.MutationObserver(look).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-visible', 'data-removed', 'data-state'],
  });
  try {
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: longestTask() says so.
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    probe.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  });
}

export interface ProbeReport {
  toasts: string[];
  maxVisibleToasts: number;
  /** The longest main-thread task since the last reset, in ms (0: none over 50 ms). */
  longestTaskMs: number;
  connectionStates: string[];
  cspViolations: string[];
  longTaskSupported: boolean;
}

/** Starts counting afresh: toasts, the most visible at once, long tasks and connection states. */
export async function resetProbe(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__probe?.reset());
}

export async function probe(page: Page): Promise<ProbeReport> {
  const report = await page.evaluate(() => {
    const g = globalThis as unknown as BrowserGlobals;
    const p = g.__probe;
    if (!p) return null;
    return {
      // No spread syntax in page code: the test transpiler may turn it into a helper the page lacks.
      toasts: p.toasts.slice(),
      maxVisibleToasts: p.maxVisibleToasts,
      longestTaskMs: p.longTasks.filter((t) => t.start >= p.since).reduce((max, t) => Math.max(max, t.duration), 0),
      connectionStates: p.connectionStates.slice(),
      cspViolations: p.cspViolations.slice(),
      longTaskSupported: g.PerformanceObserver.supportedEntryTypes.includes('longtask'),
    };
  });
  if (!report) throw new Error('The page has no probe: was it opened through Stack.newContext?');
  return report;
}

/** The toasts seen since the last reset that contain text. */
export async function toastsSeen(page: Page, text: string): Promise<string[]> {
  return (await probe(page)).toasts.filter((t) => t.includes(text));
}
