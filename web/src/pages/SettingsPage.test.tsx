import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SERVER_EVENTS } from '@bellhop/contract';
import { NotificationToasts } from '../notifications/NotificationToasts';
import { makeServer, renderWithNotifications, type FakePreference } from '../test/notificationsHarness';
import { SettingsPage } from './SettingsPage';

jest.mock('sonner', () => ({ toast: Object.assign(jest.fn(), { error: jest.fn(), dismiss: jest.fn() }) }));
const { toast } = jest.requireMock<{ toast: jest.Mock }>('sonner');

function renderSettings() {
  const server = makeServer(1, {
    UpdateNotificationPreference: ({ type, inApp, toast: pops }) => {
      const p = server.preferences.find((x) => x.type === type)!;
      Object.assign(p, { inApp, toast: pops });
      return {
        updateNotificationPreference: {
          __typename: 'NotificationPreference',
          type,
          inApp,
          toast: pops,
          notificationTypeByType: { __typename: 'NotificationType', type, label: p.label, description: `About ${type}`, position: 0 },
        },
      };
    },
  });
  const prefs: FakePreference[] = [
    { type: 'lead_created', inApp: true, toast: true, label: 'New leads' },
    { type: 'comment_added', inApp: true, toast: true, label: 'Comments and mentions' },
  ];
  server.preferences.push(...prefs);
  const socket = renderWithNotifications(
    server,
    <>
      <NotificationToasts />
      <SettingsPage />
    </>,
  );
  return { server, socket };
}

const group = (name: string) => screen.getByRole('group', { name });
const updates = (server: ReturnType<typeof makeServer>) =>
  server.calls.filter((c) => c.operationName === 'UpdateNotificationPreference').map((c) => c.variables);

describe('SettingsPage', () => {
  it('lists every type with its label, description and two switches', async () => {
    renderSettings();
    const leads = await screen.findByRole('group', { name: 'New leads' });
    expect(leads).toHaveAccessibleDescription('About lead_created');
    expect(within(leads).getByRole('switch', { name: 'Show in app' })).toBeChecked();
    expect(within(leads).getByRole('switch', { name: 'Pop-up' })).toBeChecked();
    expect(group('Comments and mentions')).toBeInTheDocument();
  });

  it('saves "Pop-up" off, and no toast pops for that type any more', async () => {
    const { server, socket } = renderSettings();
    await userEvent.click(within(await screen.findByRole('group', { name: 'New leads' })).getByRole('switch', { name: 'Pop-up' }));
    await waitFor(() => expect(updates(server)).toEqual([{ type: 'lead_created', inApp: true, toast: false }]));
    expect(await screen.findByText('Saved: New leads.')).toBeInTheDocument();
    expect(within(group('New leads')).getByRole('switch', { name: 'Pop-up' })).not.toBeChecked();

    act(() => socket.emit(SERVER_EVENTS.created, server.insert()));
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(toast).not.toHaveBeenCalled();
  });

  it('saves "Show in app" off from the keyboard, greys out its pop-up and reloads the list', async () => {
    const { server } = renderSettings();
    const comments = await screen.findByRole('group', { name: 'Comments and mentions' });
    const listLoads = server.calls.filter((c) => c.operationName === 'Notifications').length;
    within(comments).getByRole('switch', { name: 'Show in app' }).focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(updates(server)).toEqual([{ type: 'comment_added', inApp: false, toast: true }]));
    expect(within(comments).getByRole('switch', { name: 'Show in app' })).not.toBeChecked();
    expect(within(comments).getByRole('switch', { name: 'Pop-up' })).toBeDisabled();
    await waitFor(() => expect(server.calls.filter((c) => c.operationName === 'Notifications').length).toBe(listLoads + 1));
  });
});
