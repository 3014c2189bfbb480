--! Previous: sha1:12cab590045d7fedf02f6f996e8822a59a82b19c
--! Hash: sha1:b5e4b94a48aa20ec21312977e88da9e82e9113cb
--! Message: rebase_restored_txids after a logical restore

--------------------------------------------------------------------------------
-- After a logical restore into another cluster
--------------------------------------------------------------------------------

-- pg_dump/pg_restore carries each row's txid over from the old cluster. In a
-- younger cluster those txids lie ahead of every real transaction: the relay
-- leaves such rows alone (it never replays history), but getUnreadCount
-- would count them row by row on every call until the cluster caught up.
drop procedure if exists app_private.rebase_restored_txids();
create procedure app_private.rebase_restored_txids()
  language plpgsql
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_next xid8 := pg_snapshot_xmax(pg_current_snapshot());
  v_notifications bigint;
  v_events bigint;
begin
  -- Writers, relays and their count refresh wait until this is done.
  lock table app_public.notifications, app_private.user_events, app_private.notification_counts_state in exclusive mode;
  -- '3' (FrozenTransactionId): older than any transaction this cluster runs.
  alter table app_public.notifications disable trigger _800_recount_updated;
  update app_public.notifications set txid = '3' where txid >= v_next;
  get diagnostics v_notifications = row_count;
  alter table app_public.notifications enable trigger _800_recount_updated;
  update app_private.user_events set txid = '3' where txid >= v_next;
  get diagnostics v_events = row_count;
  if v_notifications > 0 or (select s.horizon from app_private.notification_counts_state s) >= v_next then
    -- The counts came from the old cluster's txids: count again from scratch (the relays do it, 50,000 rows a second).
    delete from app_private.notification_counts;
    update app_private.notification_counts_state set horizon = '0';
  end if;
  raise notice 'Rebased % notifications and % user events written by the old cluster.', v_notifications, v_events;
end;
$$;
comment on procedure app_private.rebase_restored_txids() is
  'Run once after pg_restore into another cluster: gives restored rows a txid older than any here, and recounts unread chunks. Does nothing on a database that was not restored that way.';
