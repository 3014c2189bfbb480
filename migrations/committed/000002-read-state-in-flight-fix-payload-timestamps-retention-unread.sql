--! Previous: sha1:4d9f1a405f2aaed02c72b055d9c3d4f58f631352
--! Hash: sha1:5ce24dc443ac5dc626ed504ffe8de74073f7867e
--! Message: Read-state in-flight fix, payload timestamps, retention, unread-count chunks, faster write path

-- Second migration: what the test suites, the benchmark and the hardening
-- work changed after the first schema. Idempotent, like every current.sql.

-- The relay reads the mailbox with its own snapshot cursor (server/src/relay/mailbox.ts).
drop function if exists app_private.relay_drain(xid8, int);

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

--------------------------------------------------------------------------------
-- Performance (issue 5): a cheaper write path, and getUnreadCount in O(chunks)
--------------------------------------------------------------------------------

-- A SET clause makes every call save and restore settings and stops the
-- planner from inlining: clip runs once per notification. It is immutable
-- and calls only built-ins, so it needs none.
create or replace function app_private.clip(p_text text, p_max int default 200) returns text
  language sql immutable parallel safe
as $$
  select case when length(p_text) > p_max then left(p_text, p_max - 1) || '…' else p_text end;
$$;
comment on function app_private.clip(text, int) is 'Shortens text to p_max characters with an ellipsis.';

-- Runs once per written row of every CRM table. Not security definer, so a
-- SET clause protects nothing here; it only cost time.
alter function app_private.tg__timestamps() reset search_path;

-- The doorbell, in the trigger itself (one plpgsql call per statement instead
-- of two) and as one query: ring unless some relay is registered and every
-- registered relay is alive and draining.
create or replace function app_private.tg__ring_doorbell() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  if not coalesce((select bool_and(r.draining and r.heartbeat_at > now() - interval '30 seconds') from app_private.relays r), false) then
    perform pg_notify('bellhop_notifications', tg_table_name);
  end if;
  return null;
end;
$$;
comment on function app_private.tg__ring_doorbell() is
  'Statement-level: one doorbell per INSERT, multi-row INSERT or COPY, skipped while every relay is draining.';

create or replace function app_private.ring_doorbell(p_source text) returns void
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  if not coalesce((select bool_and(r.draining and r.heartbeat_at > now() - interval '30 seconds') from app_private.relays r), false) then
    perform pg_notify('bellhop_notifications', p_source);
  end if;
end;
$$;
comment on function app_private.ring_doorbell(text) is
  'NOTIFY bellhop_notifications (payload: the table name) unless every registered relay is awake and draining.';

-- Counting the notifications above a user's watermark is the one part of
-- getUnreadCount that grows with history (a million rows take a second).
-- So whole chunks of seq are counted ahead of time, off the write path: the
-- relay calls refresh_notification_counts() every second, which counts the
-- rows of transactions that finished since its last call (below a snapshot
-- horizon nothing can still appear). A reader adds three exact parts under
-- one snapshot: its own chunk live, the counted chunks above it, and the rows
-- of transactions the counts have not reached yet (by the txid index).
-- Deletes, updates of seq or txid, truncation and rows written with an old
-- txid (a restore, say) adjust the counts in their own transaction, so the
-- sum is exact at every snapshot, whether or not any relay runs.
drop function if exists app_hidden.count_notifications_after(bigint);
drop function if exists app_private.refresh_notification_counts(int);
drop trigger if exists _800_count_old_txid on app_public.notifications;
drop trigger if exists _800_uncount_deleted on app_public.notifications;
drop trigger if exists _800_recount_updated on app_public.notifications;
drop trigger if exists _800_uncount_truncated on app_public.notifications;
drop function if exists app_private.tg_notifications__count_old_txid();
drop function if exists app_private.tg_notifications__uncount_deleted();
drop function if exists app_private.tg_notifications__recount_updated();
drop function if exists app_private.tg_notifications__uncount_truncated();
drop table if exists app_private.notification_counts;
drop table if exists app_private.notification_counts_state;
drop function if exists app_private.notification_chunk(bigint);

create function app_private.notification_chunk(p_seq bigint) returns bigint
  language sql immutable parallel safe strict
as $$
  select p_seq / 4096;
$$;
comment on function app_private.notification_chunk(bigint) is
  'The chunk of seq values a notification is counted in (4,096 per chunk).';

create table app_private.notification_counts (
  chunk bigint primary key,
  n bigint not null
);
comment on table app_private.notification_counts is
  'Per chunk of seq: how many notifications written by transactions below notification_counts_state.horizon exist.';

create table app_private.notification_counts_state (
  only_row boolean primary key default true check (only_row),
  horizon xid8 not null
);
comment on table app_private.notification_counts_state is
  'How far notification_counts goes: rows of transactions below horizon are counted, the rest are not.';
insert into app_private.notification_counts_state (horizon) values ('0');

create function app_private.refresh_notification_counts(p_max_rows int default 50000) returns bigint
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_from xid8;
  v_to xid8 := pg_snapshot_xmin(pg_current_snapshot());
  v_cap xid8;
  v_rows bigint;
begin
  -- One refresher at a time, and none while a delete or restore adjusts the counts.
  select s.horizon into v_from from app_private.notification_counts_state s for update skip locked;
  if not found or v_from >= v_to then
    return 0;
  end if;
  -- Bounded work per call (the relay's connection waits for it): stop at the
  -- transaction holding the p_max_rows-th row; a transaction is never split.
  select n.txid into v_cap from app_public.notifications n
    where n.txid >= v_from and n.txid < v_to
    order by n.txid offset p_max_rows limit 1;
  if v_cap is not null then
    v_to := case when v_cap > v_from then v_cap else (v_from::text::numeric + 1)::text::xid8 end;
  end if;
  insert into app_private.notification_counts as c (chunk, n)
    select app_private.notification_chunk(n.seq), count(*)
    from app_public.notifications n
    where n.txid >= v_from and n.txid < v_to
    group by 1
    on conflict (chunk) do update set n = c.n + excluded.n;
  get diagnostics v_rows = row_count;
  update app_private.notification_counts_state set horizon = v_to;
  return v_rows;
end;
$$;
comment on function app_private.refresh_notification_counts(int) is
  'Counts the notifications of transactions finished since the last call (at most about p_max_rows rows); the relay calls it every second. Returns how many chunks changed.';

-- Rows whose txid is not their writer's own (COPY from a dump, say) may land
-- below the horizon, where no refresh will ever look: count them now.
create function app_private.tg_notifications__count_old_txid() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_horizon xid8;
begin
  select s.horizon into v_horizon from app_private.notification_counts_state s for share;
  if new.txid < v_horizon then
    insert into app_private.notification_counts as c (chunk, n) values (app_private.notification_chunk(new.seq), 1)
      on conflict (chunk) do update set n = c.n + 1;
  end if;
  return null;
end;
$$;
comment on function app_private.tg_notifications__count_old_txid() is
  'Counts a notification inserted with an explicit txid below the counting horizon.';
-- The WHEN test keeps ordinary inserts (txid defaults to the writer's own) off this path.
create trigger _800_count_old_txid after insert on app_public.notifications
  for each row when (new.txid <> pg_current_xact_id())
  execute function app_private.tg_notifications__count_old_txid();

create function app_private.tg_notifications__uncount_deleted() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_horizon xid8;
begin
  select s.horizon into v_horizon from app_private.notification_counts_state s for share;
  update app_private.notification_counts c set n = c.n - d.n
    from (select app_private.notification_chunk(o.seq) as chunk, count(*) as n
          from old_notifications o where o.txid < v_horizon group by 1) d
    where c.chunk = d.chunk;
  return null;
end;
$$;
comment on function app_private.tg_notifications__uncount_deleted() is
  'Takes deleted notifications off the chunk counts.';
create trigger _800_uncount_deleted after delete on app_public.notifications
  referencing old table as old_notifications
  for each statement execute function app_private.tg_notifications__uncount_deleted();

create function app_private.tg_notifications__recount_updated() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_horizon xid8;
begin
  select s.horizon into v_horizon from app_private.notification_counts_state s for share;
  if old.txid < v_horizon then
    update app_private.notification_counts c set n = c.n - 1 where c.chunk = app_private.notification_chunk(old.seq);
  end if;
  if new.txid < v_horizon then
    insert into app_private.notification_counts as c (chunk, n) values (app_private.notification_chunk(new.seq), 1)
      on conflict (chunk) do update set n = c.n + 1;
  end if;
  return null;
end;
$$;
comment on function app_private.tg_notifications__recount_updated() is
  'Moves a notification whose seq or txid changed between chunk counts.';
-- Row-level with WHEN (transition tables cannot go with a column list): only rows whose seq or txid changed.
create trigger _800_recount_updated after update of seq, txid on app_public.notifications
  for each row when (old.seq is distinct from new.seq or old.txid is distinct from new.txid)
  execute function app_private.tg_notifications__recount_updated();

create function app_private.tg_notifications__uncount_truncated() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  perform 1 from app_private.notification_counts_state s for share;
  delete from app_private.notification_counts;
  return null;
end;
$$;
comment on function app_private.tg_notifications__uncount_truncated() is
  'Empties the chunk counts with the table.';
create trigger _800_uncount_truncated after truncate on app_public.notifications
  for each statement execute function app_private.tg_notifications__uncount_truncated();

-- plpgsql, so the horizon reaches the planner as a value (a custom plan walks
-- the txid index for the few uncounted rows). Stable: both statements see
-- the caller's snapshot, so counts and rows agree.
create function app_hidden.count_notifications_after(p_seq bigint) returns bigint
  language plpgsql stable security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_horizon xid8;
  v_next bigint := (app_private.notification_chunk(greatest(p_seq, 0)) + 1) * 4096;
begin
  perform app_hidden.require_user_id();
  select s.horizon into v_horizon from app_private.notification_counts_state s;
  if v_horizon is null then
    return (select count(*) from app_public.notifications n where n.seq > p_seq);
  end if;
  return (select count(*) from app_public.notifications n where n.seq > p_seq and n.seq < v_next)
    + coalesce((select sum(c.n) from app_private.notification_counts c where c.chunk >= app_private.notification_chunk(v_next)), 0)
    + (select count(*) from app_public.notifications n where n.txid >= v_horizon and n.seq >= v_next);
end;
$$;
comment on function app_hidden.count_notifications_after(bigint) is
  'How many notifications have seq > p_seq: exact, in time that grows with the number of chunks, not rows.';
grant execute on function app_hidden.count_notifications_after(bigint) to bellhop_visitor;

-- Same answer as before (tests in db/test pin it); the rows above the
-- watermark are counted by count_notifications_after, and the user's receipts
-- are read once to take away what they read or deleted and add back what
-- they marked unread.
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
  ), receipts as (
    select (n.seq > wm.read_up_to or n.txid = any(wm.in_flight)) as uncovered,
           r.is_deleted, r.is_read, r.read_set_at > wm.marked_at as since_marked
    from me, wm, app_hidden.notification_receipts r
      join app_public.notifications n on n.id = r.notification_id
    where r.user_id = me.user_id
  )
  select (
    -- Not covered by the watermark: above it, or written by a transaction in flight when it was set…
    (select app_hidden.count_notifications_after(wm.read_up_to) from wm)
    -- (the in-flight list as one value and no seq test in WHERE, so the txid index drives this)
    + (select count(*) filter (where n.seq <= (select read_up_to from wm)) from app_public.notifications n
       where n.txid = any((select in_flight from wm)::xid8[]))
    -- …is unread unless deleted or explicitly read since.
    - (select count(*) from receipts where uncovered and (is_deleted or (is_read and since_marked)))
    -- Covered: only what was explicitly marked unread since.
    + (select count(*) from receipts where not uncovered and not is_deleted and is_read = false and since_marked)
  )::int;
$$;
