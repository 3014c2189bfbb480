import { ApolloProvider } from '@apollo/client';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { fakeApiClient } from '../test/fakeApi';
import { StubNotifications } from '../test/stubNotifications';
import { LeadDetailPage } from './LeadDetailPage';

const DEMO = { __typename: 'User', id: 'u-demo', name: 'Demo User' };
const MATE = { __typename: 'User', id: 'u-mate', name: 'Team Mate' };
const LONG = 'W'.repeat(200);

function makeLead() {
  return {
    __typename: 'Lead',
    id: 7,
    firstName: 'Ada',
    lastName: LONG,
    email: 'ada@example.com',
    company: null as string | null,
    status: 'new',
    score: 0,
    createdAt: '2025-10-23T12:00:00+00:00',
    updatedAt: '2025-10-23T12:00:00+00:00',
    ownerId: DEMO.id,
    isFollowedByMe: true,
    userByOwnerId: DEMO as typeof DEMO | typeof MATE,
    tasksByLeadIdList: [
      { __typename: 'Task', id: 1, title: 'Send the proposal', completedAt: null, createdAt: '2025-10-23T12:00:00+00:00', assigneeId: null as string | null, userByAssigneeId: null as typeof MATE | null },
    ],
    commentsByLeadIdList: [],
  };
}

function renderLead() {
  const lead = makeLead();
  const owner = () => ({ __typename: 'Lead', id: 7, ownerId: lead.ownerId, isFollowedByMe: lead.isFollowedByMe, updatedAt: lead.updatedAt, userByOwnerId: lead.userByOwnerId });
  const api = fakeApiClient({
    LeadDetail: () => ({ leadById: lead }),
    Users: () => ({ allUsersList: [DEMO, MATE] }),
    CurrentUser: () => ({ currentUser: { ...DEMO, email: 'demo@example.com' } }),
    AssignLead: ({ ownerId }) => {
      Object.assign(lead, { ownerId, userByOwnerId: [DEMO, MATE].find((u) => u.id === ownerId) });
      return { assignLead: owner() };
    },
    FollowLead: () => ((lead.isFollowedByMe = true), { followLead: owner() }),
    UnfollowLead: () => ((lead.isFollowedByMe = false), { unfollowLead: owner() }),
    AssignTask: ({ id, assigneeId }) => {
      const task = lead.tasksByLeadIdList.find((t) => t.id === id)!;
      Object.assign(task, { assigneeId, userByAssigneeId: assigneeId === MATE.id ? MATE : null });
      return { assignTask: task };
    },
    CreateTask: ({ title }) => {
      if (String(title).length > 500) throw new Error('title must be at most 500 characters.');
      return { createTask: { ...lead.tasksByLeadIdList[0]!, id: 2, title } };
    },
  });
  render(
    <ApolloProvider client={api.client}>
      <StubNotifications>
        <MemoryRouter initialEntries={['/leads/7']}>
          <Routes>
            <Route path="/leads/:id" element={<LeadDetailPage />} />
          </Routes>
        </MemoryRouter>
      </StubNotifications>
    </ApolloProvider>,
  );
  return api;
}

const sent = (api: ReturnType<typeof fakeApiClient>, name: string) => api.calls.filter((c) => c.operationName === name).map((c) => c.variables);

describe('LeadDetailPage: people', () => {
  it('changes the owner with the owner select', async () => {
    const api = renderLead();
    const owner = await screen.findByRole('combobox', { name: 'Owner' });
    await waitFor(() => expect(within(owner).getByRole('option', { name: 'Team Mate' })).toBeInTheDocument());
    expect(owner).toHaveValue(DEMO.id);
    await userEvent.selectOptions(owner, MATE.id);
    await userEvent.click(screen.getByRole('button', { name: 'Change owner' }));
    await waitFor(() => expect(sent(api, 'AssignLead')).toEqual([{ id: 7, ownerId: MATE.id }]));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue(MATE.id));
  });

  it('unfollows and follows, and tells the owner they hear about it anyway', async () => {
    const api = renderLead();
    await userEvent.click(await screen.findByRole('button', { name: 'Unfollow' }));
    expect(await screen.findByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(screen.getByTestId('follow-hint')).toHaveTextContent('As its owner you hear about them either way.');
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(await screen.findByRole('button', { name: 'Unfollow' })).toBeInTheDocument();
    expect(sent(api, 'UnfollowLead')).toEqual([{ leadId: 7 }]);
    expect(sent(api, 'FollowLead')).toEqual([{ leadId: 7 }]);
  });

  it('assigns and unassigns a task', async () => {
    const api = renderLead();
    const picker = await screen.findByRole('combobox', { name: 'Assignee for: Send the proposal' });
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'Team Mate' })).toBeInTheDocument());
    await userEvent.selectOptions(picker, MATE.id);
    await userEvent.click(within(screen.getByTestId('task-item')).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(screen.getByTestId('task-assignee')).toHaveTextContent('Assigned to Team Mate'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Assignee for: Send the proposal' }), '');
    await userEvent.click(within(screen.getByTestId('task-item')).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(screen.getByTestId('task-assignee')).toHaveTextContent('Unassigned'));
    expect(sent(api, 'AssignTask')).toEqual([
      { id: 1, assigneeId: MATE.id },
      { id: 1, assigneeId: null },
    ]);
  });

  it('adds a task with an assignee, within the title limit', async () => {
    const api = renderLead();
    const title = await screen.findByLabelText('New task');
    expect(title).toHaveAttribute('maxLength', '500');
    expect(title).toHaveAccessibleDescription('Up to 500 characters.');
    expect(screen.getByLabelText('New comment')).toHaveAttribute('maxLength', '10000');
    await userEvent.type(title, 'Call back');
    await waitFor(() => expect(within(screen.getByLabelText('Assign to')).getByRole('option', { name: 'Team Mate' })).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByLabelText('Assign to'), MATE.id);
    await userEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(sent(api, 'CreateTask')).toEqual([{ leadId: 7, title: 'Call back', assigneeId: MATE.id }]));
  });

  it('lets a 200-character name wrap instead of widening the page', async () => {
    renderLead();
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent(LONG);
    expect(heading).toHaveClass('wrap-anywhere');
  });
});
