import { act, waitFor } from '@testing-library/react';
import { ids, setup } from '../test/notificationsHarness';
import { PAGE_SIZE } from './useNotificationList';

describe('useNotificationList', () => {
  it('loads the history newest first and the unread count', async () => {
    const { result } = setup(3);
    await waitFor(() => expect(result.current.items).toHaveLength(3));
    expect(ids(result.current.items)).toEqual(['n3', 'n2', 'n1']);
    await waitFor(() => expect(result.current.unreadCount).toBe(3));
    expect(result.current.hasMore).toBe(false);
  });

  it('pages with "load more" until the history ends', async () => {
    const { result } = setup(PAGE_SIZE + 5);
    await waitFor(() => expect(result.current.items).toHaveLength(PAGE_SIZE));
    await waitFor(() => expect(result.current.hasMore).toBe(true));
    await act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(PAGE_SIZE + 5));
    expect(result.current.items[PAGE_SIZE + 4]!.id).toBe('n1');
    expect(result.current.hasMore).toBe(false);
  });
});
