import { useQuery } from '@apollo/client';
import { Link, useParams } from 'react-router-dom';
import { LEAD_DETAIL_QUERY } from '../operations/leads';
import { CommentList } from '../leads/CommentList';
import { LeadPeople } from '../leads/LeadPeople';
import { leadName } from '../leads/leadName';
import { LeadSummary } from '../leads/LeadSummary';
import { ScoreEditor } from '../leads/ScoreEditor';
import { TaskList } from '../leads/TaskList';
import { useUsers } from '../leads/useUsers';
import { errorMessage } from '../lib/errorMessage';
import { useLiveNotifications } from '../notifications/useLiveNotifications';
import { FormError } from '../ui/FormError';

export function LeadDetailPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { data, loading, error, refetch } = useQuery(LEAD_DETAIL_QUERY, {
    variables: { id },
    skip: !valid,
    fetchPolicy: 'cache-and-network',
  });

  // Someone else completed a task or commented on this lead: show it.
  useLiveNotifications((batch) => {
    if (batch.some((n) => n.relatedLeadId === id)) void refetch().catch(() => undefined);
  });

  const users = useUsers();
  const lead = data?.leadById;
  if (!valid || (!loading && !error && !lead)) {
    return (
      <section>
        <h1>Lead not found</h1>
        <p>
          <Link to="/leads">Back to leads</Link>
        </p>
      </section>
    );
  }
  if (!lead) return error ? <FormError message={errorMessage(error)} /> : <p className="muted">Loading lead…</p>;

  return (
    <section aria-labelledby="lead-heading" className="lead-page">
      <p className="breadcrumbs truncate" title={leadName(lead)}>
        <Link to="/leads">Leads</Link> / {leadName(lead)}
      </p>
      <h1 id="lead-heading" data-testid="lead-name" className="wrap-anywhere">
        {leadName(lead)}
      </h1>
      <div className="lead-grid">
        <div className="card">
          <h2>Details</h2>
          <LeadSummary lead={lead} />
          <LeadPeople lead={lead} users={users} />
          <ScoreEditor leadId={lead.id} score={lead.score} />
        </div>
        <TaskList leadId={lead.id} tasks={lead.tasksByLeadIdList} users={users} />
        <CommentList leadId={lead.id} comments={lead.commentsByLeadIdList} />
      </div>
    </section>
  );
}
