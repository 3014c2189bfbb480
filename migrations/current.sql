--------------------------------------------------------------------------------
-- Write path (issue 5): fewer trigger calls per CRM write
--------------------------------------------------------------------------------

-- Idempotent: undo this migration's objects first, in reverse order.
drop trigger if exists _900_after_insert on app_public.notifications;
drop function if exists app_private.tg_notifications__after_insert();

-- created_at and updated_at default to now(), which is what the trigger set on
-- INSERT; a plpgsql call per inserted row bought nothing. On UPDATE it still
-- keeps created_at fixed and moves updated_at forward.
drop trigger if exists _100_timestamps on app_public.users;
drop trigger if exists _100_timestamps on app_public.leads;
drop trigger if exists _100_timestamps on app_public.tasks;
drop trigger if exists _100_timestamps on app_public.comments;
create trigger _100_timestamps before update on app_public.users
  for each row execute function app_private.tg__timestamps();
create trigger _100_timestamps before update on app_public.leads
  for each row execute function app_private.tg__timestamps();
create trigger _100_timestamps before update on app_public.tasks
  for each row execute function app_private.tg__timestamps();
create trigger _100_timestamps before update on app_public.comments
  for each row execute function app_private.tg__timestamps();

-- The doorbell and the counting of rows with an old txid were two triggers on
-- notifications, one of them per row. One statement-level trigger now does
-- both: one call per INSERT, multi-row INSERT or COPY.
drop trigger if exists _900_ring_doorbell on app_public.notifications;
drop trigger if exists _800_count_old_txid on app_public.notifications;
drop function if exists app_private.tg_notifications__count_old_txid();

create function app_private.tg_notifications__after_insert() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_horizon xid8;
begin
  if not coalesce((select bool_and(r.draining and r.heartbeat_at > now() - interval '30 seconds') from app_private.relays r), false) then
    perform pg_notify('bellhop_notifications', tg_table_name);
  end if;
  -- Rows whose txid is not their writer's own (COPY from a dump, say) may land
  -- below the counting horizon, where no refresh will ever look: count them now.
  -- The lock keeps a refresh from moving the horizon past them meanwhile.
  if exists (select 1 from new_notifications n where n.txid <> pg_current_xact_id()) then
    select s.horizon into v_horizon from app_private.notification_counts_state s for share;
    insert into app_private.notification_counts as c (chunk, n)
      select app_private.notification_chunk(n.seq), count(*)
      from new_notifications n
      where n.txid < v_horizon
      group by 1
      on conflict (chunk) do update set n = c.n + excluded.n;
  end if;
  return null;
end;
$$;
comment on function app_private.tg_notifications__after_insert() is
  'Statement-level, after every INSERT or COPY into notifications: rings the doorbell unless every relay is draining, and counts rows written with an old txid.';
create trigger _900_after_insert after insert on app_public.notifications
  referencing new table as new_notifications
  for each statement execute function app_private.tg_notifications__after_insert();
