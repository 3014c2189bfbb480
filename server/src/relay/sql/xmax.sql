-- Every transaction from here on began after this moment.
select pg_snapshot_xmax(pg_current_snapshot())::text as xmax
