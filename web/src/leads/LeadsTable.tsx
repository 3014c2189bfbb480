import { Link } from 'react-router-dom';
import type { LeadRowFieldsFragment } from '../gql/graphql';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { leadName } from './leadName';

export function LeadsTable({ leads, caption }: { leads: readonly LeadRowFieldsFragment[]; caption: string }) {
  if (leads.length === 0) return <p className="muted">No leads yet. Create the first one.</p>;
  return (
    <table className="table" data-testid="leads-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Company</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">Score</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <tr key={lead.id} data-testid="lead-row">
            <td>
              <Link to={`/leads/${lead.id}`}>{leadName(lead)}</Link>
            </td>
            <td>{lead.email}</td>
            <td>{lead.company ?? '—'}</td>
            <td>
              <span className={`status status-${lead.status}`}>{lead.status}</span>
            </td>
            <td className="numeric">{lead.score}</td>
            <td>
              <time dateTime={lead.createdAt} title={formatDateTime(lead.createdAt)}>
                {formatRelativeTime(lead.createdAt)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
