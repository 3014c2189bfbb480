-- Enter migration here

--------------------------------------------------------------------------------
-- Retention: delete old notifications in small batches (issue 6)
--------------------------------------------------------------------------------

drop procedure if exists app_private.purge_old_notifications(interval, int, bigint);
drop function if exists app_private.delete_old_notifications(interval, int);

-- One batch per call, oldest first along the seq index, so each call is a
-- short transaction with a bounded lock footprint; receipts go by cascade.
create function app_private.delete_old_notifications(older_than interval, batch_size int default 10000)
  returns int
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_deleted int;
begin
  if older_than is null or older_than < interval '1 hour' then
    raise exception 'older_than must be at least 1 hour (got %); use e.g. interval ''90 days''.', older_than using errcode = '22023';
  end if;
  if batch_size is null or batch_size < 1 or batch_size > 1000000 then
    raise exception 'batch_size must be between 1 and 1000000 (got %).', batch_size using errcode = '22023';
  end if;
  -- Oldest first along the seq index: old rows sit at its head, so a batch
  -- reads little more than it deletes (no extra index on the write path).
  delete from app_public.notifications n
    where n.id in (
      select o.id from app_public.notifications o
      where o.created_at < now() - older_than
      order by o.seq
      limit batch_size
    );
  get diagnostics v_deleted = row_count;
  return v_deleted;
end;
$$;
revoke all on function app_private.delete_old_notifications(interval, int) from public;
comment on function app_private.delete_old_notifications(interval, int) is
  'Deletes up to batch_size notifications created more than older_than ago (at least 1 hour), oldest first, with their read receipts; returns how many. Call until it returns 0, one transaction per call.';

-- The whole job for psql, cron or pg_cron: CALL commits after every batch.
-- No SET clause: it would forbid COMMIT inside the procedure.
create procedure app_private.purge_old_notifications(older_than interval, batch_size int default 10000, inout deleted bigint default 0)
  language plpgsql
as $$
declare
  v_batch int;
begin
  deleted := coalesce(deleted, 0);
  loop
    v_batch := app_private.delete_old_notifications(older_than, batch_size);
    deleted := deleted + v_batch;
    exit when v_batch = 0;
    commit;
  end loop;
end;
$$;
revoke all on procedure app_private.purge_old_notifications(interval, int, bigint) from public;
comment on procedure app_private.purge_old_notifications(interval, int, bigint) is
  'Retention job: CALL app_private.purge_old_notifications(''90 days''); deletes every notification older than that in batches, committing after each, and returns the total.';

--------------------------------------------------------------------------------
-- Read watermark: cover only what the user could have seen (issue 2 tests)
--------------------------------------------------------------------------------

-- seq is drawn at INSERT, not at COMMIT. A notification still in flight when
-- someone marks all as read (a long COPY, say) can commit afterwards with a
-- seq below the watermark; "seq <= read_up_to" alone would call it read
-- although its user never saw it, while the socket pushes it as unread. So
-- the watermark also keeps the transactions that were in flight when it was
-- set, and rows they wrote stay unread. (PostgreSQL leaves the caller's own
-- transaction out of that list, so its own rows count as seen.)
create or replace function app_hidden.in_flight_xids() returns xid8[]
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  select coalesce(array_agg(x), '{}') from pg_snapshot_xip(pg_current_snapshot()) x;
$$;
comment on function app_hidden.in_flight_xids() is
  'Transactions running (not yet visible) as of the current statement; the watermark''s blind spot.';
grant execute on function app_hidden.in_flight_xids() to bellhop_visitor;

alter table app_hidden.notification_watermarks add column if not exists read_in_flight xid8[];
-- A default, so register's watermark insert records it in the same statement
-- (same snapshot) as the max(seq) it reads.
alter table app_hidden.notification_watermarks alter column read_in_flight set default app_hidden.in_flight_xids();
comment on column app_hidden.notification_watermarks.read_in_flight is
  'Transactions in flight when read_up_to was set: their rows stay unread even with seq <= read_up_to.';
comment on table app_hidden.notification_watermarks is
  'Per user: every notification with seq <= read_up_to, not written by a read_in_flight transaction, is read unless a later receipt says otherwise.';

create or replace function app_public.notifications_is_read(n app_public.notifications) returns boolean
  language sql stable
as $$
  select case
    when r.is_read is not null and r.read_set_at > coalesce(w.marked_at, '-infinity') then r.is_read
    else n.seq <= coalesce(w.read_up_to, 0) and not (n.txid = any(coalesce(w.read_in_flight, '{}')))
  end
  from (select app_public.current_user_id() as user_id) me
  left join app_hidden.notification_watermarks w on w.user_id = me.user_id
  left join app_hidden.notification_receipts r on r.user_id = me.user_id and r.notification_id = n.id;
$$;

create or replace function app_public.get_unread_count() returns int
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  with me as (
    select app_hidden.require_user_id() as user_id
  ), wm as (
    select coalesce(w.read_up_to, 0) as read_up_to, coalesce(w.marked_at, '-infinity') as marked_at,
           coalesce(w.read_in_flight, '{}') as in_flight
    from me left join app_hidden.notification_watermarks w on w.user_id = me.user_id
  ), uncovered as (
    -- Above the watermark, or written by a transaction in flight when it was set.
    -- Two disjoint halves, each driven by its own index (seq, txid); no seq
    -- test in the second, or the planner walks the seq index instead.
    select n.id from app_public.notifications n, wm where n.seq > wm.read_up_to and not (n.txid = any(wm.in_flight))
    union all
    select n.id from app_public.notifications n, wm where n.txid = any(wm.in_flight)
  )
  select (
    -- Not covered: unread unless deleted or explicitly read since.
    select count(*) from uncovered u, wm
    where not exists (
      select 1 from app_hidden.notification_receipts r, me
      where r.user_id = me.user_id and r.notification_id = u.id
        and (r.is_deleted or (r.is_read and r.read_set_at > wm.marked_at))
    )
  ) + (
    -- Covered: only what was explicitly marked unread since.
    select count(*) from app_hidden.notification_receipts r
      join app_public.notifications n on n.id = r.notification_id, me, wm
    where r.user_id = me.user_id and n.seq <= wm.read_up_to and not (n.txid = any(wm.in_flight))
      and not r.is_deleted and r.is_read = false and r.read_set_at > wm.marked_at
  )::int;
$$;

create or replace function app_public.mark_all_as_read() returns boolean
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_user_id uuid := app_hidden.require_user_id();
  v_up_to_created_at timestamptz;
begin
  -- One statement, so read_up_to and read_in_flight come from the same snapshot.
  with latest as (
    select n.seq, n.created_at from app_public.notifications n order by n.seq desc limit 1
  ), mark as (
    insert into app_hidden.notification_watermarks as w (user_id, read_up_to, marked_at, read_in_flight)
      values (v_user_id, coalesce((select seq from latest), 0), clock_timestamp(), app_hidden.in_flight_xids())
      on conflict (user_id) do update
        set read_up_to = greatest(w.read_up_to, excluded.read_up_to), marked_at = excluded.marked_at,
            read_in_flight = excluded.read_in_flight
  )
  select (select created_at from latest) into v_up_to_created_at;
  perform app_hidden.record_user_event('all_read', null, v_up_to_created_at);
  return true;
end;
$$;

--------------------------------------------------------------------------------
-- Socket payload timestamps exactly as GraphQL prints them (issue 3 tests)
--------------------------------------------------------------------------------

-- PostGraphile prints timestamptz through PostgreSQL's JSON encoder, which drops
-- trailing zeros from the fraction ("...02.86196+00:00"), while to_char's US
-- always prints six digits ("...02.861960+00:00"): one payload in ten differed
-- from the GraphQL Notification. Same encoder here, so the strings are equal.
create or replace function app_private.notification_payload(n app_public.notifications) returns jsonb
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  select jsonb_build_object(
    'id', n.id,
    'type', n.type,
    'title', n.title,
    'message', n.message,
    'isRead', false,
    'relatedLeadId', n.related_lead_id,
    'createdAt', to_jsonb(n.created_at),
    'updatedAt', to_jsonb(n.updated_at)
  );
$$;
comment on function app_private.notification_payload(app_public.notifications) is
  'A notification as the socket event notification:created carries it: the same strings GraphQL returns.';

-- getNotifications takes paging and unreadOnly only: PostGraphile reads
-- @sortable/@filterable by presence, so "false" switched them on.
comment on function app_public.get_notifications(boolean) is
  E'@simpleCollections only\nThe signed-in user''s notifications, newest first, without the ones they deleted. Page with first/offset; set unreadOnly to skip read ones.';
