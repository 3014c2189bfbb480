import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotificationBell } from './NotificationBell';
import { badgeText, bellLabel } from './bellLabel';

function renderBell(unreadCount: number, expanded = false, onToggle = jest.fn()) {
  render(<NotificationBell unreadCount={unreadCount} expanded={expanded} controls="center" onToggle={onToggle} />);
  return onToggle;
}

describe('NotificationBell', () => {
  it('is a button that says there is nothing unread and shows no badge', () => {
    renderBell(0);
    expect(screen.getByRole('button', { name: 'Notifications, no unread' })).toBeInTheDocument();
    expect(screen.queryByTestId('notification-badge')).not.toBeInTheDocument();
  });

  it('names the unread count and shows it in the badge', () => {
    renderBell(3);
    expect(screen.getByRole('button', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
    expect(screen.getByTestId('notification-badge')).toHaveTextContent(/^3$/);
  });

  it('caps the badge at 99+ but keeps the exact count in the name', () => {
    renderBell(150);
    expect(screen.getByRole('button', { name: 'Notifications, 150 unread' })).toBeInTheDocument();
    expect(screen.getByTestId('notification-badge')).toHaveTextContent(/^99\+$/);
  });

  it('toggles on click and reports whether the center is open', async () => {
    const onToggle = renderBell(1, true);
    const bell = screen.getByRole('button', { name: /notifications/i });
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    expect(bell).toHaveAttribute('aria-controls', 'center');
    await userEvent.click(bell);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('is operable from the keyboard', async () => {
    const onToggle = renderBell(0);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: /notifications/i })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(onToggle).toHaveBeenCalledTimes(2);
  });
});

describe('badge text and label', () => {
  it.each([
    [0, null, 'Notifications, no unread'],
    [1, '1', 'Notifications, 1 unread'],
    [99, '99', 'Notifications, 99 unread'],
    [100, '99+', 'Notifications, 100 unread'],
  ])('%i unread → badge %p, label %p', (count, badge, label) => {
    expect(badgeText(count)).toBe(badge);
    expect(bellLabel(count)).toBe(label);
  });
});
