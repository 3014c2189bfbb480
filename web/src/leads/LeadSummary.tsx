import type { LeadDetailQuery } from '../gql/graphql';
import { formatDateTime } from '../lib/relativeTime';

type Lead = NonNullable<LeadDetailQuery['leadById']>;

export function LeadSummary({ lead }: { lead: Lead }) {
  return (
    <dl className="details">
      <dt>Email</dt>
      <dd>
        <a href={`mailto:${lead.email}`}>{lead.email}</a>
      </dd>
      <dt>Company</dt>
      <dd>{lead.company ?? '—'}</dd>
      <dt>Status</dt>
      <dd>
        <span className={`status status-${lead.status}`}>{lead.status}</span>
      </dd>
      <dt>Created</dt>
      <dd>{formatDateTime(lead.createdAt)}</dd>
      <dt>Updated</dt>
      <dd>{formatDateTime(lead.updatedAt)}</dd>
    </dl>
  );
}
