import { makeNotification } from '../test/fixtures';
import { BURST_GAP_MS, MAX_SINGLE_TOASTS, ToastBurst, summaryTitle } from './toastBurst';

const many = (count: number, type = 'lead_created') => Array.from({ length: count }, () => makeNotification({ type }));

describe('ToastBurst', () => {
  it('shows a few one by one', () => {
    const burst = new ToastBurst();
    expect(burst.add(many(2), 0)).toMatchObject({ kind: 'singles' });
    expect(burst.add(many(1), 50)).toMatchObject({ kind: 'singles' });
  });

  it('sums up the rest of a burst in one toast that keeps counting', () => {
    const burst = new ToastBurst();
    const first = many(MAX_SINGLE_TOASTS);
    burst.add(first, 0);
    expect(burst.add(many(1), 100)).toEqual({
      kind: 'summary',
      title: '4 new leads',
      count: 4,
      types: new Set(['lead_created']),
      dismiss: first.map((n) => n.id),
    });
    expect(burst.add(many(4_996), 200)).toMatchObject({ title: '5,000 new leads', dismiss: [] });
    expect(burst.add(many(1, 'comment_added'), 300)).toMatchObject({ title: '5,001 new notifications' });
  });

  it('starts over after a quiet moment', () => {
    const burst = new ToastBurst();
    burst.add(many(10), 0);
    expect(burst.add(many(1), BURST_GAP_MS + 1)).toMatchObject({ kind: 'singles' });
  });

  it('names a burst of new leads, and says "notifications" otherwise', () => {
    expect(summaryTitle(37, new Set(['lead_created', 'comment_added']))).toBe('37 new notifications');
    expect(summaryTitle(12, new Set(['comment_added']))).toBe('12 new notifications');
    expect(summaryTitle(1, new Set(['lead_created']))).toBe('1 new lead');
    expect(summaryTitle(9, new Set(['custom']))).toBe('9 new notifications');
  });
});
