import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client';
import { LEADS_QUERY } from '../operations/leads';
import { CreateLeadForm } from '../leads/CreateLeadForm';
import { LeadsTable } from '../leads/LeadsTable';
import { errorMessage } from '../lib/errorMessage';
import { useLiveNotifications } from '../notifications/useLiveNotifications';
import { FormError } from '../ui/FormError';

const PAGE_SIZE = 25;
/** The API's most rows per list; a reload shows at most this many. */
const MAX_FIRST = 100;
const CHANGES_ROWS = new Set(['lead_created', 'lead_assigned', 'score_updated']);

export function LeadsPage() {
  const leads = useQuery(LEADS_QUERY, { variables: { first: PAGE_SIZE, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const [moreOnServer, setMoreOnServer] = useState<boolean | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const rows = leads.data?.allLeadsList ?? [];

  // A first page replaces the list (see apollo/cache.ts), so reload as many as are shown.
  const reload = useCallback(() => {
    void leads.refetch({ first: Math.min(MAX_FIRST, Math.max(PAGE_SIZE, rows.length)), offset: 0 }).catch(() => undefined);
  }, [leads, rows.length]);

  // Leads created elsewhere (another user, psql) appear without a reload.
  useLiveNotifications((batch) => {
    if (batch.some((n) => CHANGES_ROWS.has(n.type))) reload();
  });

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const result = await leads.fetchMore({ variables: { first: PAGE_SIZE, offset: rows.length } });
      setMoreOnServer((result.data.allLeadsList?.length ?? 0) >= PAGE_SIZE);
    } catch {
      // The query's error state shows it.
    } finally {
      setLoadingMore(false);
    }
  };

  const hasMore = moreOnServer ?? rows.length >= PAGE_SIZE;
  return (
    <section aria-labelledby="leads-heading" className="leads-page">
      <h1 id="leads-heading">Leads</h1>
      <CreateLeadForm onCreated={reload} />
      <div className="card">
        <h2>Pipeline</h2>
        <FormError message={leads.error ? errorMessage(leads.error) : null} />
        {leads.loading && !leads.data ? <p className="muted">Loading leads…</p> : <LeadsTable leads={rows} caption="All leads, newest first" />}
        {hasMore && (
          <div className="center-footer">
            <button type="button" className="button secondary" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
