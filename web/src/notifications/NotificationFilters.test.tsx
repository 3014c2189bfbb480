import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MATE, ME, makeServer, renderWithNotifications } from '../test/notificationsHarness';
import { NotificationMenu } from './NotificationMenu';

jest.mock('sonner', () => ({ toast: Object.assign(jest.fn(), { error: jest.fn(), dismiss: jest.fn() }) }));

function renderMenu() {
  const server = makeServer(0);
  server.insert({ title: 'New Lead Created', message: 'Ada Lovelace added to pipeline' });
  server.insert({
    type: 'comment_added',
    title: 'New Comment',
    message: 'Team Mate commented on Ada Lovelace: call me',
    recipientId: ME,
    actorId: MATE.id,
  });
  server.insert({ type: 'lead_assigned', title: 'Lead Assigned to You', message: 'Team Mate assigned Ada Lovelace to you', recipientId: ME });
  server.preferences.push(
    { type: 'lead_created', inApp: true, toast: true, label: 'New leads' },
    { type: 'lead_assigned', inApp: true, toast: true, label: 'Leads assigned to you' },
    { type: 'comment_added', inApp: true, toast: true, label: 'Comments and mentions' },
  );
  renderWithNotifications(server, <NotificationMenu />);
  return server;
}

const titles = () => screen.queryAllByTestId('notification-item').map((row) => within(row).getByText(/New|Lead Assigned/).textContent);
const listCalls = (server: ReturnType<typeof makeServer>) =>
  server.calls.filter((c) => c.operationName === 'Notifications').map(({ variables: { forMe, types, offset } }) => ({ forMe, types, offset }));

async function openCenter() {
  await userEvent.click(screen.getByRole('button', { name: /^Notifications,/ }));
  return screen.getByRole('dialog', { name: 'Notifications' });
}

describe('notification center tabs and type filter', () => {
  it('shows everything under "All" and only what is addressed to you under "For me"', async () => {
    const server = renderMenu();
    const center = await openCenter();
    expect(within(center).getByRole('tab', { name: 'All' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(titles()).toEqual(['Lead Assigned to You', 'New Comment', 'New Lead Created']));

    await userEvent.click(within(center).getByRole('tab', { name: 'For me' }));
    await waitFor(() => expect(titles()).toEqual(['Lead Assigned to You', 'New Comment']));
    expect(listCalls(server)).toContainEqual({ forMe: true, types: null, offset: 0 });
    expect(within(center).getByRole('tabpanel')).toHaveAccessibleName('For me');
  });

  it('says who did what and marks what is addressed to you', async () => {
    renderMenu();
    await openCenter();
    const comment = (await screen.findByText('Team Mate commented on Ada Lovelace: call me')).closest('li')!;
    expect(within(comment).getByTestId('notification-actor')).toHaveTextContent('by Team Mate');
    expect(within(comment).getByText('to you')).toBeInTheDocument();
    const broadcast = screen.getByText('Ada Lovelace added to pipeline').closest('li')!;
    expect(within(broadcast).queryByText('to you')).not.toBeInTheDocument();
  });

  it('filters by type with the labels from the preferences, keeping a list per choice', async () => {
    const server = renderMenu();
    const center = await openCenter();
    const type = await within(center).findByRole('combobox', { name: 'Type' });
    await waitFor(() => expect(within(type).getByRole('option', { name: 'Comments and mentions' })).toBeInTheDocument());
    await userEvent.selectOptions(type, 'comment_added');
    await waitFor(() => expect(titles()).toEqual(['New Comment']));
    expect(listCalls(server)).toContainEqual({ forMe: null, types: ['comment_added'], offset: 0 });

    // Back to every type: the list loaded before is shown again from the cache.
    const loads = listCalls(server).length;
    await userEvent.selectOptions(type, '');
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(listCalls(server)).toHaveLength(loads);
  });

  it('is usable from the keyboard: arrows switch tabs, the select takes arrow keys', async () => {
    renderMenu();
    const center = await openCenter();
    within(center).getByRole('tab', { name: 'All' }).focus();
    await userEvent.keyboard('{ArrowLeft}');
    const forMe = within(center).getByRole('tab', { name: 'For me' });
    expect(forMe).toHaveFocus();
    expect(forMe).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(titles()).toEqual(['Lead Assigned to You', 'New Comment']));
    await userEvent.tab();
    expect(within(center).getByRole('combobox', { name: 'Type' })).toHaveFocus();
  });
});
