import { Link } from 'react-router-dom';
import type { LeadRowFieldsFragment } from '../gql/graphql';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { leadName } from './leadName';

export function LeadsTable({ leads, caption }: { leads: readonly LeadRowFieldsFragment[]; caption: string }) {
  if (leads.length === 0) return <p className="muted">No leads yet. Create the first one.</p>;
  return (
    // The wrapper scrolls sideways on a narrow screen instead of widening the page.
    <div className="table-wrap">
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
              {/* Long names end in an ellipsis; the full text is the title. */}
              <td>
                <Link to={`/leads/${lead.id}`} className="truncate" title={leadName(lead)} data-testid="lead-name-cell">
                  {leadName(lead)}
                </Link>
              </td>
              <td>
                <span className="truncate" title={lead.email}>
                  {lead.email}
                </span>
              </td>
              <td>
                <span className="truncate" title={lead.company ?? undefined}>
                  {lead.company ?? '—'}
                </span>
              </td>
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
    </div>
  );
}
