import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { CURRENT_USER_QUERY } from '../operations/auth';
import { DASHBOARD_QUERY } from '../operations/leads';
import { LeadsTable } from '../leads/LeadsTable';
import { errorMessage } from '../lib/errorMessage';
import { useNotificationsContext } from '../notifications/NotificationsContext';
import { useLiveNotifications } from '../notifications/useLiveNotifications';
import { FormError } from '../ui/FormError';

const RECENT = 5;

export function DashboardPage() {
  const user = useQuery(CURRENT_USER_QUERY).data?.currentUser;
  const dashboard = useQuery(DASHBOARD_QUERY, { variables: { recent: RECENT }, fetchPolicy: 'cache-and-network' });
  const { unreadCount, items } = useNotificationsContext();
  useLiveNotifications((batch) => {
    if (batch.some((n) => n.type === 'lead_created' || n.type === 'score_updated')) void dashboard.refetch().catch(() => undefined);
  });

  const leads = dashboard.data?.allLeadsList ?? [];
  const latest = items[0];
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading" className="wrap-anywhere">
        {user ? `Welcome, ${user.name}` : 'Dashboard'}
      </h1>
      <FormError message={dashboard.error ? errorMessage(dashboard.error) : null} />
      <div className="stats">
        <div className="stat card">
          <span className="stat-value" data-testid="stat-leads">{dashboard.data?.allLeads?.totalCount ?? '…'}</span>
          <span className="stat-label">Leads in the pipeline</span>
        </div>
        <div className="stat card">
          <span className="stat-value" data-testid="stat-unread">{unreadCount}</span>
          <span className="stat-label">Unread notifications</span>
        </div>
        <div className="stat card">
          <span className="stat-value stat-text truncate" title={latest?.title}>
            {latest ? latest.title : '—'}
          </span>
          <span className="stat-label clamp" title={latest?.message}>
            {latest ? latest.message : 'No notifications yet'}
          </span>
        </div>
      </div>
      <div className="card">
        <div className="card-header">
          <h2>Recent leads</h2>
          <Link to="/leads">All leads</Link>
        </div>
        {dashboard.loading && !dashboard.data ? <p className="muted">Loading…</p> : <LeadsTable leads={leads} caption="Recent leads" />}
      </div>
    </section>
  );
}
