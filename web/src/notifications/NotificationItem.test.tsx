import { render, screen } from '@testing-library/react';
import { makeNotification } from '../test/fixtures';
import { NotificationItem } from './NotificationItem';

describe('NotificationItem', () => {
  it('clamps a 10,000-character comment and truncates a long title', () => {
    const message = `Team Mate commented on ${'N'.repeat(200)}: ${'x'.repeat(10_000)}`;
    const title = `T${'i'.repeat(300)}`;
    render(
      <ul>
        <NotificationItem
          notification={makeNotification({ type: 'comment_added', title, message, actorName: 'Team Mate', recipientId: 'me' })}
          onOpen={jest.fn()}
          onSetRead={jest.fn()}
          onDelete={jest.fn()}
        />
      </ul>,
    );
    expect(screen.getByText(message)).toHaveClass('clamp');
    expect(screen.getByText(title)).toHaveClass('truncate');
    expect(screen.getByTestId('notification-actor')).toHaveTextContent('by Team Mate');
    expect(screen.getByText('to you')).toBeInTheDocument();
  });

  it('shows a type a DBA added with a readable tag', () => {
    render(
      <ul>
        <NotificationItem notification={makeNotification({ type: 'contract_signed' })} onOpen={jest.fn()} onSetRead={jest.fn()} onDelete={jest.fn()} />
      </ul>,
    );
    expect(screen.getByText('Contract signed')).toHaveClass('type-contract_signed');
  });
});
