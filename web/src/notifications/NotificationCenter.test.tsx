import { createRef } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_LIST, makeNotification } from '../test/fixtures';
import { NotificationCenter, type NotificationCenterProps } from './NotificationCenter';
import type { Notification } from './model';

function renderCenter(overrides: Partial<NotificationCenterProps> = {}) {
  const props: NotificationCenterProps = {
    id: 'center',
    ...EMPTY_LIST,
    items: [],
    onClose: jest.fn(),
    onOpen: jest.fn(),
    onSetRead: jest.fn(),
    onDelete: jest.fn(),
    onMarkAllRead: jest.fn(),
    onLoadMore: jest.fn(),
    onRetry: jest.fn(),
    ...overrides,
  };
  render(
    <div>
      <button type="button">outside</button>
      <NotificationCenter {...props} />
    </div>,
  );
  return props;
}

const items = (): Notification[] => [
  makeNotification({ title: 'New Lead Created', message: 'John Doe added to pipeline', isRead: false, relatedLeadId: 7 }),
  makeNotification({ title: 'Task Completed', message: 'Call back done', isRead: true, relatedLeadId: 8 }),
];

describe('NotificationCenter', () => {
  it('shows an empty state', () => {
    renderCenter();
    expect(screen.getByRole('dialog', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.getByText('No notifications yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });

  it('shows a loading state', () => {
    renderCenter({ loading: true });
    expect(screen.getByText('Loading notifications…')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    const props = renderCenter({ error: 'Cannot reach the server.' });
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the server.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalled();
  });

  it('lists the items in the order given (newest first) and marks unread ones', () => {
    renderCenter({ items: items(), unreadCount: 1 });
    const rows = screen.getAllByTestId('notification-item');
    expect(rows.map((row) => within(row).getByText(/New Lead Created|Task Completed/).textContent)).toEqual([
      'New Lead Created',
      'Task Completed',
    ]);
    expect(rows[0]).toHaveClass('is-unread');
    expect(rows[0]).toHaveAttribute('data-read', 'false');
    expect(rows[1]).not.toHaveClass('is-unread');
    // The unread state is announced, not only shown with colour.
    expect(screen.getByRole('button', { name: /^Unread: New Lead Created/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Task Completed/ })).toBeInTheDocument();
    expect(screen.getByText('John Doe added to pipeline')).toBeInTheDocument();
  });

  it('marks single items read and unread, and deletes them', async () => {
    const list = items();
    const props = renderCenter({ items: list, unreadCount: 1 });
    await userEvent.click(screen.getByRole('button', { name: 'Mark as read: New Lead Created' }));
    expect(props.onSetRead).toHaveBeenCalledWith(list[0]!.id, true);
    await userEvent.click(screen.getByRole('button', { name: 'Mark as unread: Task Completed' }));
    expect(props.onSetRead).toHaveBeenCalledWith(list[1]!.id, false);
    await userEvent.click(screen.getByRole('button', { name: 'Delete: Task Completed' }));
    expect(props.onDelete).toHaveBeenCalledWith(list[1]!.id);
  });

  it('marks all as read', async () => {
    const props = renderCenter({ items: items(), unreadCount: 1 });
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(props.onMarkAllRead).toHaveBeenCalledTimes(1);
  });

  it('opens an item on click', async () => {
    const list = items();
    const props = renderCenter({ items: list, unreadCount: 1 });
    await userEvent.click(screen.getByText('John Doe added to pipeline'));
    expect(props.onOpen).toHaveBeenCalledWith(list[0]);
  });

  it('offers "Load more" only when there is more', async () => {
    const props = renderCenter({ items: items(), hasMore: true });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(props.onLoadMore).toHaveBeenCalled();
  });

  it('has no "Load more" at the end of the history', () => {
    renderCenter({ items: items(), hasMore: false });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});

describe('NotificationCenter dismissal and focus', () => {
  it('closes on Escape', async () => {
    const props = renderCenter({ items: items() });
    await userEvent.keyboard('{Escape}');
    expect(props.onClose).toHaveBeenCalledWith('escape');
  });

  it('closes on a click outside, but not on a click inside or on the bell', async () => {
    const anchor = createRef<HTMLButtonElement>();
    const onClose = jest.fn();
    render(
      <div>
        <button type="button" ref={anchor}>
          bell
        </button>
        <button type="button">elsewhere</button>
        <NotificationCenter
          id="c"
          items={items()}
          unreadCount={1}
          loading={false}
          error={null}
          hasMore={false}
          loadingMore={false}
          anchorRef={anchor}
          onClose={onClose}
          onOpen={jest.fn()}
          onSetRead={jest.fn()}
          onDelete={jest.fn()}
          onMarkAllRead={jest.fn()}
          onLoadMore={jest.fn()}
          onRetry={jest.fn()}
        />
      </div>,
    );
    await userEvent.click(screen.getByRole('heading', { name: 'Notifications' }));
    await userEvent.click(screen.getByRole('button', { name: 'bell' }));
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(onClose).toHaveBeenCalledWith('outside');
  });

  it('takes focus when it opens and moves between items with the arrow keys', async () => {
    renderCenter({ items: items(), unreadCount: 1 });
    expect(screen.getByRole('dialog')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /^Unread: New Lead Created/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /^Task Completed/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: /^Unread: New Lead Created/ })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
  });

  it('keeps focus inside when the focused row is deleted', async () => {
    renderCenter({ items: items(), unreadCount: 1 });
    const del = screen.getByRole('button', { name: 'Delete: New Lead Created' });
    del.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: /^Task Completed/ })).toHaveFocus();
  });
});
