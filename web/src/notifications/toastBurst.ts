/**
 * Decides how live notifications pop up: one toast each while they trickle in, and one
 * summary toast ("5,000 new leads") once more than a few arrive close together, so a
 * burst never buries the page under toasts.
 */
import type { Notification } from './model';

export const TOAST_DURATION_MS = 5_000;
/** Sonner's visibleToasts: older ones wait behind these. */
export const MAX_VISIBLE_TOASTS = 3;
/** More than this many within a burst and they are summed up in one toast. */
export const MAX_SINGLE_TOASTS = 3;
/** A burst ends when nothing new has popped up for this long. */
export const BURST_GAP_MS = TOAST_DURATION_MS;
export const SUMMARY_TOAST_ID = 'notification-summary';

export type ToastPlan =
  | { kind: 'singles'; items: readonly Notification[] }
  /** Show or update the one summary toast; `dismiss` are single toasts it replaces. */
  | { kind: 'summary'; title: string; count: number; types: ReadonlySet<string>; dismiss: readonly string[] };

// A burst of new leads (a bulk INSERT or COPY) says what it is; any other mix is "notifications".
const PHRASES: Record<string, [one: string, many: string]> = {
  lead_created: ['new lead', 'new leads'],
};

// The whole UI is in English; so are its numbers ("5,000").
const numbers = new Intl.NumberFormat('en-US');

export function summaryTitle(count: number, types: ReadonlySet<string>): string {
  const only = types.size === 1 ? [...types][0]! : null;
  const [one, many] = (only !== null && PHRASES[only]) || ['new notification', 'new notifications'];
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

export class ToastBurst {
  private lastAt = Number.NEGATIVE_INFINITY;
  private singles: Notification[] = [];
  private summary: { count: number; types: Set<string> } | null = null;

  add(batch: readonly Notification[], now: number): ToastPlan | null {
    if (batch.length === 0) return null;
    if (now - this.lastAt > BURST_GAP_MS) {
      this.singles = [];
      this.summary = null;
    }
    this.lastAt = now;
    if (!this.summary && this.singles.length + batch.length <= MAX_SINGLE_TOASTS) {
      this.singles.push(...batch);
      return { kind: 'singles', items: batch };
    }
    // The summary takes over the singles already on screen, so it counts the whole burst.
    const dismiss = this.singles.map((n) => n.id);
    const summary = this.summary ?? { count: this.singles.length, types: new Set(this.singles.map((n) => n.type)) };
    summary.count += batch.length;
    for (const n of batch) summary.types.add(n.type);
    this.summary = summary;
    this.singles = [];
    return { kind: 'summary', title: summaryTitle(summary.count, summary.types), count: summary.count, types: summary.types, dismiss };
  }
}
