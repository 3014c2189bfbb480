import { ApolloProvider } from '@apollo/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { fakeApiClient } from '../test/fakeApi';
import { CreateLeadForm } from './CreateLeadForm';

function renderForm() {
  const onCreated = jest.fn();
  const api = fakeApiClient({
    CreateLead: ({ firstName, lastName, email, company }) => {
      if (!String(email).includes('@')) throw new Error('Email must look like name@example.com.');
      if (String(firstName).length > 5) throw new Error('firstName must be at most 200 characters.');
      return {
        createLead: {
          __typename: 'Lead',
          id: 7,
          firstName,
          lastName,
          email,
          company,
          status: 'new',
          score: 0,
          createdAt: '2025-10-23T12:00:00+00:00',
        },
      };
    },
  });
  render(
    <ApolloProvider client={api.client}>
      <MemoryRouter>
        <CreateLeadForm onCreated={onCreated} />
      </MemoryRouter>
    </ApolloProvider>,
  );
  return { onCreated, calls: api.calls };
}

async function fill(email: string) {
  await userEvent.type(screen.getByLabelText('First name'), 'John');
  await userEvent.type(screen.getByLabelText('Last name'), 'Doe');
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.click(screen.getByRole('button', { name: 'Create lead' }));
}

describe('CreateLeadForm', () => {
  it("shows the API's validation message and keeps the input", async () => {
    const { onCreated } = renderForm();
    await fill('not-an-email');
    expect(await screen.findByRole('alert')).toHaveTextContent('Email must look like name@example.com.');
    expect(screen.getByLabelText('First name')).toHaveValue('John');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('stops each field at the server’s limit and says so', () => {
    renderForm();
    expect(screen.getByLabelText('First name')).toHaveAttribute('maxLength', '200');
    expect(screen.getByLabelText('Last name')).toHaveAttribute('maxLength', '200');
    expect(screen.getByLabelText('Company')).toHaveAttribute('maxLength', '200');
    expect(screen.getByLabelText('Email')).toHaveAttribute('maxLength', '320');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Up to 320 characters.');
  });

  it('shows the server’s message when it refuses a value', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('First name'), 'Johnathan');
    await userEvent.type(screen.getByLabelText('Last name'), 'Doe');
    await userEvent.type(screen.getByLabelText('Email'), 'john@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('firstName must be at most 200 characters.');
  });

  it('creates a lead, links to it and clears the form', async () => {
    const { onCreated, calls } = renderForm();
    await fill('john@example.com');
    expect(await screen.findByRole('link', { name: 'John Doe' })).toHaveAttribute('href', '/leads/7');
    expect(calls[0]!.variables).toEqual({ firstName: 'John', lastName: 'Doe', email: 'john@example.com', company: null });
    expect(screen.getByLabelText('First name')).toHaveValue('');
    expect(onCreated).toHaveBeenCalled();
  });
});
