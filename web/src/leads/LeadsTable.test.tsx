import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { LeadsTable } from './LeadsTable';

const LONG_FIRST = 'A'.repeat(200);
const LONG_LAST = 'B'.repeat(200);
const LONG_COMPANY = 'C'.repeat(200);

describe('LeadsTable', () => {
  it('truncates long names, emails and companies with an ellipsis and keeps the full text as a title', () => {
    render(
      <MemoryRouter>
        <LeadsTable
          caption="Leads"
          leads={[
            {
              id: 1,
              firstName: LONG_FIRST,
              lastName: LONG_LAST,
              email: `${'e'.repeat(300)}@example.com`,
              company: LONG_COMPANY,
              status: 'new',
              score: 0,
              createdAt: '2025-10-23T12:00:00+00:00',
            },
          ]}
        />
      </MemoryRouter>,
    );
    const name = screen.getByRole('link', { name: `${LONG_FIRST} ${LONG_LAST}` });
    expect(name).toHaveClass('truncate');
    expect(name).toHaveAttribute('title', `${LONG_FIRST} ${LONG_LAST}`);
    expect(screen.getByText(LONG_COMPANY)).toHaveClass('truncate');
    expect(screen.getByText(/@example\.com$/)).toHaveClass('truncate');
    // A narrow screen scrolls the table, not the page.
    expect(screen.getByTestId('leads-table').parentElement).toHaveClass('table-wrap');
  });
});
