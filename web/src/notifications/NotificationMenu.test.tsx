import { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { makeNotification } from '../test/fixtures';
import { NotificationMenu } from './NotificationMenu';
import { NotificationsContext, type NotificationsApi } from './NotificationsContext';
import type { Notification } from './model';
import { BUILT_IN_TYPE_OPTIONS } from './types';
import { DEFAULT_VIEW } from './useNotificationList';

jest.mock('sonner', () => ({ toast: Object.assign(jest.fn(), { error: jest.fn() }) }));

function LeadPage() {
  return <h1>Lead {useParams().id}</h1>;
}

/** A notifications state that behaves like the real one for read/unread/delete. */
function Harness({ initial, api }: { initial: Notification[]; api: Partial<NotificationsApi> }) {
  const [items, setItems] = useState(initial);
  const value: NotificationsApi = {
    items,
    unreadCount: items.filter((n) => !n.isRead).length,
    loading: false,
    error: null,
    hasMore: false,
    loadingMore: false,
    loadMore: jest.fn(async () => undefined),
    refresh: jest.fn(async () => undefined),
    setRead: async (id, isRead) => setItems((all) => all.map((n) => (n.id === id ? { ...n, isRead } : n))),
    remove: async (id) => setItems((all) => all.filter((n) => n.id !== id)),
    markAllRead: async () => setItems((all) => all.map((n) => ({ ...n, isRead: true }))),
    subscribe: () => () => undefined,
    view: DEFAULT_VIEW,
    setView: jest.fn(),
    preferences: { list: [], typeOptions: BUILT_IN_TYPE_OPTIONS, wantsToast: () => true, loading: false, error: undefined },
    ...api,
  };
  return (
    <NotificationsContext.Provider value={value}>
      <MemoryRouter initialEntries={['/dashboard']}>
        <button type="button">page content</button>
        <NotificationMenu />
        <Routes>
          <Route path="/dashboard" element={<h1>Dashboard</h1>} />
          <Route path="/leads/:id" element={<LeadPage />} />
        </Routes>
      </MemoryRouter>
    </NotificationsContext.Provider>
  );
}

const bell = () => screen.getByRole('button', { name: /^Notifications,/ });

describe('NotificationMenu', () => {
  it('opens and closes the center from the bell', async () => {
    render(<Harness initial={[makeNotification()]} api={{}} />);
    expect(bell()).toHaveAccessibleName('Notifications, 1 unread');
    await userEvent.click(bell());
    expect(screen.getByRole('dialog', { name: 'Notifications' })).toBeInTheDocument();
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(bell());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('navigates to the related lead and marks the item read on click', async () => {
    const setRead = jest.fn(async () => undefined);
    const n = makeNotification({ relatedLeadId: 42, title: 'New Lead Created' });
    render(<Harness initial={[n]} api={{ setRead }} />);
    await userEvent.click(bell());
    await userEvent.click(screen.getByRole('button', { name: /^Unread: New Lead Created/ }));
    expect(setRead).toHaveBeenCalledWith(n.id, true);
    expect(screen.getByRole('heading', { name: 'Lead 42' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('does not mark an already read item again', async () => {
    const setRead = jest.fn(async () => undefined);
    render(<Harness initial={[makeNotification({ isRead: true, relatedLeadId: 5 })]} api={{ setRead }} />);
    await userEvent.click(bell());
    await userEvent.click(screen.getAllByTestId('notification-item')[0]!.querySelector('button')!);
    expect(setRead).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Lead 5' })).toBeInTheDocument();
  });

  it('updates the badge as items are read, unread, deleted and all read', async () => {
    const [a, b, c] = [makeNotification({ title: 'A' }), makeNotification({ title: 'B' }), makeNotification({ title: 'C' })];
    render(<Harness initial={[a!, b!, c!]} api={{}} />);
    await userEvent.click(bell());
    expect(bell()).toHaveAccessibleName('Notifications, 3 unread');
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: A' }));
    expect(bell()).toHaveAccessibleName('Notifications, 2 unread');
    await userEvent.click(screen.getByRole('button', { name: 'Mark as unread: A' }));
    expect(bell()).toHaveAccessibleName('Notifications, 3 unread');
    await userEvent.click(screen.getByRole('button', { name: 'Delete: B' }));
    expect(screen.getAllByTestId('notification-item')).toHaveLength(2);
    expect(bell()).toHaveAccessibleName('Notifications, 2 unread');
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(bell()).toHaveAccessibleName('Notifications, no unread');
    expect(screen.queryByTestId('notification-badge')).not.toBeInTheDocument();
  });
});

describe('NotificationMenu dismissal, keyboard and errors', () => {
  it('closes on Escape and gives focus back to the bell', async () => {
    render(<Harness initial={[makeNotification()]} api={{}} />);
    await userEvent.click(bell());
    expect(screen.getByRole('dialog')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bell()).toHaveFocus();
  });

  it('closes on a click outside', async () => {
    render(<Harness initial={[makeNotification()]} api={{}} />);
    await userEvent.click(bell());
    await userEvent.click(screen.getByRole('button', { name: 'page content' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('works from the keyboard alone', async () => {
    const n = makeNotification({ relatedLeadId: 9, title: 'Score Updated' });
    render(<Harness initial={[n]} api={{}} />);
    bell().focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /^Unread: Score Updated/ })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Lead 9' })).toBeInTheDocument();
  });

  it('shows the empty state', async () => {
    render(<Harness initial={[]} api={{}} />);
    expect(bell()).toHaveAccessibleName('Notifications, no unread');
    await userEvent.click(bell());
    expect(screen.getByText('No notifications yet')).toBeInTheDocument();
  });

  it('reports a failed action with a toast', async () => {
    const { toast } = jest.requireMock<{ toast: { error: jest.Mock } }>('sonner');
    const remove = jest.fn(() => Promise.reject(new Error('Notification not found')));
    render(<Harness initial={[makeNotification({ title: 'Gone' })]} api={{ remove }} />);
    await userEvent.click(bell());
    await act(async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Delete: Gone' }));
    });
    expect(toast.error).toHaveBeenCalledWith('Notification not found');
  });
});
