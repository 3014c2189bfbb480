-- Where a new relay starts delivering: now, plus whatever the transactions
-- open right now commit later.
select pg_snapshot_xmin(s)::text as xmin,
       pg_snapshot_xmax(s)::text as xmax,
       array(select x::text from pg_snapshot_xip(s) x order by x) as open
  from pg_current_snapshot() s
