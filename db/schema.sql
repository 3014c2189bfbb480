--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app_hidden; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_hidden;


--
-- Name: SCHEMA app_hidden; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app_hidden IS 'Usable by the visitor role, not exposed through GraphQL.';


--
-- Name: app_private; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_private;


--
-- Name: SCHEMA app_private; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app_private IS 'Secrets and trigger internals; never granted to the visitor.';


--
-- Name: app_public; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_public;


--
-- Name: SCHEMA app_public; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app_public IS 'Tables and functions exposed through GraphQL.';


--
-- Name: jwt_token; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.jwt_token AS (
	role text,
	user_id uuid,
	exp bigint,
	aud text,
	iss text
);


--
-- Name: TYPE jwt_token; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.jwt_token IS 'A signed JWT (HS256) to send as "Authorization: Bearer <token>".';


--
-- Name: count_notifications_after(bigint); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.count_notifications_after(p_seq bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app_hidden.require_user_id();
  v_horizon xid8;
  v_next bigint := (app_private.notification_chunk(greatest(p_seq, 0)) + 1) * 4096;
begin
  select s.horizon into v_horizon from app_private.notification_counts_state s;
  if v_horizon is null then
    return (select count(*) from app_public.notifications n
            where n.seq > p_seq and (n.recipient_id is null or n.recipient_id = v_user_id));
  end if;
  -- The rest of p_seq's chunk row by row, whole chunks from their counts, and what the counts have not reached yet.
  return (select count(*) from app_public.notifications n
          where n.seq > p_seq and n.seq < v_next and (n.recipient_id is null or n.recipient_id = v_user_id))
    + coalesce((select sum(c.n) from app_private.notification_counts c
                where c.recipient_key in (app_private.recipient_key(null), v_user_id)
                  and c.chunk >= app_private.notification_chunk(v_next)), 0)
    + (select count(*) from app_public.notifications n
       where n.txid >= v_horizon and n.seq >= v_next and (n.recipient_id is null or n.recipient_id = v_user_id));
end;
$$;


--
-- Name: FUNCTION count_notifications_after(p_seq bigint); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.count_notifications_after(p_seq bigint) IS 'How many of the signed-in user''s notifications (theirs and broadcasts) have seq > p_seq: exact, in time that grows with the number of chunks, not rows.';


--
-- Name: in_flight_xids(); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.in_flight_xids() RETURNS xid8[]
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  select coalesce(array_agg(x), '{}') from pg_snapshot_xip(pg_current_snapshot()) x;
$$;


--
-- Name: FUNCTION in_flight_xids(); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.in_flight_xids() IS 'Transactions running (not yet visible) as of the current statement; the watermark''s blind spot.';


--
-- Name: record_user_event(text, uuid[], timestamp with time zone); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  insert into app_private.user_events (user_id, kind, notification_ids, up_to_created_at)
  values (app_hidden.require_user_id(), p_kind, coalesce(p_ids, '{}'), p_up_to_created_at);
$$;


--
-- Name: FUNCTION record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamp with time zone); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamp with time zone) IS 'Queues a read-state change of the signed-in user for their other tabs.';


--
-- Name: require_lead(integer); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.require_lead(p_lead_id integer) RETURNS integer
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  if p_lead_id is null or not exists (select 1 from app_public.leads l where l.id = p_lead_id) then
    raise exception 'No lead with id %.', coalesce(p_lead_id::text, 'null') using errcode = 'P0002';
  end if;
  return p_lead_id;
end;
$$;


--
-- Name: FUNCTION require_lead(p_lead_id integer); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.require_lead(p_lead_id integer) IS 'The lead id, or the one error for a lead that does not exist.';


--
-- Name: require_task(integer); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.require_task(p_task_id integer) RETURNS integer
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  if p_task_id is null or not exists (select 1 from app_public.tasks t where t.id = p_task_id) then
    raise exception 'No task with id %.', coalesce(p_task_id::text, 'null') using errcode = 'P0002';
  end if;
  return p_task_id;
end;
$$;


--
-- Name: FUNCTION require_task(p_task_id integer); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.require_task(p_task_id integer) IS 'The task id, or the one error for a task that does not exist.';


--
-- Name: require_user(uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.require_user(p_user_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  if p_user_id is null or not exists (select 1 from app_public.users u where u.id = p_user_id) then
    raise exception 'No user with id %.', coalesce(p_user_id::text, 'null') using errcode = 'P0002';
  end if;
  return p_user_id;
end;
$$;


--
-- Name: FUNCTION require_user(p_user_id uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.require_user(p_user_id uuid) IS 'The user id, or the one error for a user that does not exist.';


--
-- Name: require_user_id(); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.require_user_id() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app_public.current_user_id();
begin
  if v_user_id is null then
    raise exception 'You must sign in first: send "Authorization: Bearer <jwtToken>" from login or register.'
      using errcode = '28000';
  end if;
  return v_user_id;
end;
$$;


--
-- Name: FUNCTION require_user_id(); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.require_user_id() IS 'The signed-in user id, or a clear error for anonymous callers.';


--
-- Name: clip(text, integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.clip(p_text text, p_max integer DEFAULT 200) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select case when length(p_text) > p_max then left(p_text, p_max - 1) || '…' else p_text end;
$$;


--
-- Name: FUNCTION clip(p_text text, p_max integer); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.clip(p_text text, p_max integer) IS 'Shortens text to p_max characters with an ellipsis.';


--
-- Name: create_user(text, text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.create_user(email text, name text, password text) RETURNS uuid
    LANGUAGE plpgsql STRICT SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
declare
  v_user app_public.users;
begin
  if email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'Email "%" is not a valid email address.', app_private.clip(email, 100) using errcode = '22023';
  end if;
  if length(btrim(name)) = 0 then
    raise exception 'Name must not be empty.' using errcode = '22023';
  end if;
  if length(password) < 8 then
    raise exception 'Password must be at least 8 characters long.' using errcode = '22023';
  end if;
  if length(password) > 1000 then
    raise exception 'Password must be at most 1000 characters long.' using errcode = '22023';
  end if;
  if exists (select 1 from app_public.users u where u.email = create_user.email::citext) then
    raise exception 'An account with this email already exists; sign in instead.' using errcode = '23505';
  end if;
  insert into app_public.users (email, name) values (btrim(create_user.email), btrim(create_user.name))
    returning * into v_user;
  insert into app_private.user_secrets (user_id, password_hash)
    values (v_user.id, crypt(password, gen_salt('bf', 10)));
  -- History from before you joined counts as read: a new teammate starts at zero.
  insert into app_hidden.notification_watermarks (user_id, read_up_to, marked_at)
    values (v_user.id, coalesce((select max(seq) from app_public.notifications), 0), now());
  return v_user.id;
end;
$_$;


--
-- Name: FUNCTION create_user(email text, name text, password text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.create_user(email text, name text, password text) IS 'Adds a user with a password (bcrypt, cost 10) and returns its id: for DBAs and `npm run user:add`, whatever REGISTRATION says. Example: select app_private.create_user(''ana@example.com'', ''Ana'', ''a-long-password'');';


--
-- Name: delete_old_notifications(interval, integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.delete_old_notifications(older_than interval, batch_size integer DEFAULT 10000) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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


--
-- Name: FUNCTION delete_old_notifications(older_than interval, batch_size integer); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.delete_old_notifications(older_than interval, batch_size integer) IS 'Deletes up to batch_size notifications created more than older_than ago (at least 1 hour), oldest first, with their read receipts; returns how many. Call until it returns 0, one transaction per call.';


--
-- Name: doorbell_lock_key(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.doorbell_lock_key() RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select 1650943087;
$$;


--
-- Name: FUNCTION doorbell_lock_key(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.doorbell_lock_key() IS 'The advisory lock class key (object keys 1 to doorbell_slots()) that sleeping relays hold shared. pg_locks shows who holds it.';


--
-- Name: doorbell_sleep(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.doorbell_sleep() RETURNS void
    LANGUAGE sql
    AS $$
  select pg_catalog.pg_advisory_lock_shared(app_private.doorbell_lock_key(), slot)
  from pg_catalog.generate_series(1, app_private.doorbell_slots()) slot;
$$;


--
-- Name: FUNCTION doorbell_sleep(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.doorbell_sleep() IS 'A relay about to sleep: from now on writers ring (NOTIFY). Holds every doorbell slot shared, on this session.';


--
-- Name: doorbell_slots(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.doorbell_slots() RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select 32;
$$;


--
-- Name: FUNCTION doorbell_slots(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.doorbell_slots() IS 'How many object keys the doorbell lock has: a sleeping relay holds all of them, a writer tries one.';


--
-- Name: doorbell_wake(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.doorbell_wake() RETURNS void
    LANGUAGE sql
    AS $$
  select pg_catalog.pg_advisory_unlock_shared(app_private.doorbell_lock_key(), slot)
  from pg_catalog.generate_series(1, app_private.doorbell_slots()) slot;
$$;


--
-- Name: FUNCTION doorbell_wake(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.doorbell_wake() IS 'A relay that polls from now on: writers need not ring for it. Lets go of every doorbell slot.';


--
-- Name: hide_switched_off_broadcast(uuid, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.hide_switched_off_broadcast(p_notification_id uuid, p_type text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  insert into app_hidden.notification_receipts as r (user_id, notification_id, is_deleted)
  select p.user_id, p_notification_id, true
  from app_public.notification_preferences p
  where p.type = p_type and not p.in_app
  on conflict (user_id, notification_id) do update set is_deleted = true;
$$;


--
-- Name: FUNCTION hide_switched_off_broadcast(p_notification_id uuid, p_type text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.hide_switched_off_broadcast(p_notification_id uuid, p_type text) IS 'Hides a new broadcast from the users who switched its type off. A trigger that writes broadcasts of a new type calls it (docs/dba.md).';


--
-- Name: issue_token(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.issue_token(p_user_id uuid) RETURNS app_public.jwt_token
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  select (
    'bellhop_visitor',
    p_user_id,
    extract(epoch from now() + coalesce(nullif(current_setting('bellhop.jwt_ttl', true), '')::interval, interval '7 days'))::bigint,
    'bellhop',
    'bellhop'
  )::app_public.jwt_token;
$$;


--
-- Name: FUNCTION issue_token(p_user_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.issue_token(p_user_id uuid) IS 'Builds the claims PostGraphile signs; lifetime from the bellhop.jwt_ttl setting (default 7 days).';


--
-- Name: lead_audience(integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.lead_audience(p_lead_id integer) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    AS $$
  select l.owner_id from app_public.leads l where l.id = p_lead_id and l.owner_id is not null
  union
  select f.user_id from app_public.lead_followers f where f.lead_id = p_lead_id;
$$;


--
-- Name: FUNCTION lead_audience(p_lead_id integer); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.lead_audience(p_lead_id integer) IS 'The people a lead concerns: its owner and its followers.';


--
-- Name: mentioned_users(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.mentioned_users(p_body text) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    AS $$
  -- "@" then an email address; matched against users without regard to case. At most 50 per comment.
  select distinct u.id
  from (
    select m[1] as email
    from regexp_matches(p_body, '@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})', 'g') m
    limit 50
  ) mention
  join app_public.users u on u.email = mention.email::citext;
$$;


--
-- Name: FUNCTION mentioned_users(p_body text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.mentioned_users(p_body text) IS 'Users @mentioned in a text, as @their-email@example.com (case does not matter).';


--
-- Name: notification_chunk(bigint); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.notification_chunk(p_seq bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
  select p_seq / 4096;
$$;


--
-- Name: FUNCTION notification_chunk(p_seq bigint); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.notification_chunk(p_seq bigint) IS 'The chunk of seq values a notification is counted in (4,096 per chunk).';


--
-- Name: purge_old_notifications(interval, integer, bigint); Type: PROCEDURE; Schema: app_private; Owner: -
--

CREATE PROCEDURE app_private.purge_old_notifications(IN older_than interval, IN batch_size integer DEFAULT 10000, INOUT deleted bigint DEFAULT 0)
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: PROCEDURE purge_old_notifications(IN older_than interval, IN batch_size integer, INOUT deleted bigint); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON PROCEDURE app_private.purge_old_notifications(IN older_than interval, IN batch_size integer, INOUT deleted bigint) IS 'Retention job: CALL app_private.purge_old_notifications(''90 days''); deletes every notification older than that in batches, committing after each, and returns the total.';


--
-- Name: rebase_restored_txids(); Type: PROCEDURE; Schema: app_private; Owner: -
--

CREATE PROCEDURE app_private.rebase_restored_txids()
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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


--
-- Name: PROCEDURE rebase_restored_txids(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON PROCEDURE app_private.rebase_restored_txids() IS 'Run once after pg_restore into another cluster: gives restored rows a txid older than any here, and recounts unread chunks. Does nothing on a database that was not restored that way.';


--
-- Name: recipient_key(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.recipient_key(p_recipient_id uuid) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
  select coalesce(p_recipient_id, '00000000-0000-0000-0000-000000000000'::uuid);
$$;


--
-- Name: FUNCTION recipient_key(p_recipient_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.recipient_key(p_recipient_id uuid) IS 'The key counts are kept under: the recipient, or the all-zero uuid for broadcasts.';


--
-- Name: refresh_notification_counts(integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.refresh_notification_counts(p_max_rows integer DEFAULT 50000) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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
  insert into app_private.notification_counts as c (recipient_key, chunk, n)
    select app_private.recipient_key(n.recipient_id), app_private.notification_chunk(n.seq), count(*)
    from app_public.notifications n
    where n.txid >= v_from and n.txid < v_to
    group by 1, 2
    on conflict (recipient_key, chunk) do update set n = c.n + excluded.n;
  get diagnostics v_rows = row_count;
  update app_private.notification_counts_state set horizon = v_to;
  return v_rows;
end;
$$;


--
-- Name: FUNCTION refresh_notification_counts(p_max_rows integer); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.refresh_notification_counts(p_max_rows integer) IS 'Counts the notifications of transactions finished since the last call (at most about p_max_rows rows); the relay calls it every second. Returns how many chunks changed.';


--
-- Name: relay_heartbeat(uuid, boolean); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.relay_heartbeat(p_relay_id uuid, p_draining boolean) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  insert into app_private.relays (id, draining, heartbeat_at) values (p_relay_id, p_draining, now())
    on conflict (id) do update set draining = excluded.draining, heartbeat_at = excluded.heartbeat_at;
$$;


--
-- Name: FUNCTION relay_heartbeat(p_relay_id uuid, p_draining boolean); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.relay_heartbeat(p_relay_id uuid, p_draining boolean) IS 'A relay says it is alive and whether it is draining (polling, so writers need not ring).';


--
-- Name: relay_prune(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.relay_prune() RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  -- Relays that died without saying goodbye, and user events every relay has long read.
  delete from app_private.relays where heartbeat_at < now() - interval '5 minutes';
  delete from app_private.user_events where created_at < now() - interval '1 day';
$$;


--
-- Name: FUNCTION relay_prune(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.relay_prune() IS 'Housekeeping the relays run every minute.';


--
-- Name: current_user_id(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.current_user_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
  select nullif(pg_catalog.current_setting('jwt.claims.user_id', true), '')::uuid;
$$;


--
-- Name: FUNCTION current_user_id(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.current_user_id() IS 'The id of the signed-in user, from the verified JWT; null for anonymous callers.';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: leads; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.leads (
    id integer NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email public.citext NOT NULL,
    company text,
    status text DEFAULT 'new'::text NOT NULL,
    score integer DEFAULT 0 NOT NULL,
    owner_id uuid DEFAULT app_public.current_user_id(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT leads_email_valid CHECK ((email OPERATOR(public.~) '^[^@\s]+@[^@\s]+\.[^@\s]+$'::public.citext)),
    CONSTRAINT leads_first_name_present CHECK ((length(btrim(first_name)) > 0)),
    CONSTRAINT leads_last_name_present CHECK ((length(btrim(last_name)) > 0)),
    CONSTRAINT leads_score_range CHECK (((score >= 0) AND (score <= 100))),
    CONSTRAINT leads_status_valid CHECK ((status = ANY (ARRAY['new'::text, 'contacted'::text, 'qualified'::text, 'won'::text, 'lost'::text])))
);


--
-- Name: TABLE leads; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.leads IS 'A sales lead in the pipeline. Inserting one, from anywhere, notifies everyone; its owner and followers hear about its tasks, score and comments.';


--
-- Name: COLUMN leads.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.id IS 'Unique identifier of the lead.';


--
-- Name: COLUMN leads.first_name; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.first_name IS 'First name; required, at most 200 characters.';


--
-- Name: COLUMN leads.last_name; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.last_name IS 'Last name; required, at most 200 characters.';


--
-- Name: COLUMN leads.email; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.email IS 'Contact email; must look like an email address, at most 320 characters.';


--
-- Name: COLUMN leads.company; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.company IS 'Company the lead works for, if known; at most 200 characters.';


--
-- Name: COLUMN leads.status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.status IS 'Pipeline stage: new, contacted, qualified, won or lost.';


--
-- Name: COLUMN leads.score; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.score IS 'Activity score from 0 to 100; a change notifies the owner and followers.';


--
-- Name: COLUMN leads.owner_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.owner_id IS 'The user who owns the lead; defaults to whoever created it. They follow it and get lead_assigned when it becomes theirs.';


--
-- Name: COLUMN leads.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.created_at IS 'When the lead was created.';


--
-- Name: COLUMN leads.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.leads.updated_at IS 'When the lead last changed.';


--
-- Name: route_lead_owner(app_public.leads); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.route_lead_owner(p_lead app_public.leads) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_actor uuid := app_public.current_user_id();
  v_name text := app_private.clip(p_lead.first_name || ' ' || p_lead.last_name);
begin
  insert into app_public.lead_followers (lead_id, user_id) values (p_lead.id, p_lead.owner_id) on conflict do nothing;
  if p_lead.owner_id is distinct from v_actor and app_private.wants(p_lead.owner_id, 'lead_assigned') then
    insert into app_public.notifications (type, title, message, related_lead_id, actor_id, recipient_id)
    values ('lead_assigned', 'Lead Assigned to You',
            coalesce(app_private.user_name(v_actor) || ' assigned ' || v_name || ' to you', v_name || ' is now yours'),
            p_lead.id, v_actor, p_lead.owner_id);
  end if;
end;
$$;


--
-- Name: FUNCTION route_lead_owner(p_lead app_public.leads); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.route_lead_owner(p_lead app_public.leads) IS 'A lead has a new owner: they follow it, and get lead_assigned unless they did it themselves.';


--
-- Name: tg__ring_doorbell(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg__ring_doorbell() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
declare
  -- The slot: 1 + pg_backend_pid() % doorbell_slots(), written out (a call would cost more than the check).
  v_slot int := 1 + pg_backend_pid() % 32;
  v_released boolean;
begin
  -- Plain expressions, no query: taken and given back at once, so writers never wait on each other.
  if pg_try_advisory_lock(1650943087, v_slot) then
    v_released := pg_advisory_unlock(1650943087, v_slot);
  else
    perform pg_notify('bellhop_notifications', tg_table_name);
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg__ring_doorbell(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg__ring_doorbell() IS 'Statement-level, after INSERT or COPY into notifications or user_events: NOTIFY bellhop_notifications (payload: the table name) while some relay sleeps (holds the doorbell lock shared).';


--
-- Name: tg__timestamps(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg__timestamps() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  new.created_at := case when tg_op = 'INSERT' then coalesce(new.created_at, now()) else old.created_at end;
  new.updated_at := case when tg_op = 'UPDATE' and old.updated_at >= now() then old.updated_at + interval '1 millisecond' else now() end;
  return new;
end;
$$;


--
-- Name: FUNCTION tg__timestamps(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg__timestamps() IS 'Keeps created_at fixed and moves updated_at forward on every write.';


--
-- Name: tg_comments__follow_author(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_comments__follow_author() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  insert into app_public.lead_followers (lead_id, user_id) values (new.lead_id, new.author_id) on conflict do nothing;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_comments__follow_author(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_comments__follow_author() IS 'Whoever comments on a lead follows it.';


--
-- Name: tg_comments__notify_added(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_comments__notify_added() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  insert into app_public.notifications (type, title, message, related_lead_id, actor_id, recipient_id)
  select 'comment_added', 'New Comment',
         coalesce(app_private.user_name(c.author_id), 'Someone') || ' commented on '
           || app_private.clip(l.first_name || ' ' || l.last_name) || ': ' || app_private.clip(c.body, 140),
         c.lead_id, c.author_id, r.user_id
  from new_comments c
  join app_public.leads l on l.id = c.lead_id
  cross join lateral (
    select a from app_private.lead_audience(c.lead_id) a
    union
    select m from app_private.mentioned_users(c.body) m
  ) r(user_id)
  where r.user_id is distinct from c.author_id
    and app_private.wants(r.user_id, 'comment_added')
  order by c.id, r.user_id;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_comments__notify_added(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_comments__notify_added() IS 'One comment_added notification per comment and recipient: the lead''s owner and followers and everyone @mentioned, never the author.';


--
-- Name: tg_leads__forget_in_notifications(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_leads__forget_in_notifications() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  if tg_op = 'TRUNCATE' then
    update app_public.notifications n set related_lead_id = null where n.related_lead_id is not null;
  elsif tg_op = 'DELETE' then
    update app_public.notifications n set related_lead_id = null from old_leads o where n.related_lead_id = o.id;
  else
    update app_public.notifications n set related_lead_id = new.id where n.related_lead_id = old.id;
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_leads__forget_in_notifications(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_leads__forget_in_notifications() IS 'Keeps notifications.related_lead_id pointing at a lead: cleared when the lead is deleted or truncated, moved when its id changes.';


--
-- Name: tg_leads__notify_score_updated(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_leads__notify_score_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_actor uuid := app_public.current_user_id();
  v_actor_name text;
begin
  -- Most updates of leads change no score: no INSERT then, so no doorbell either.
  if not exists (select 1 from new_leads n join old_leads o on o.id = n.id where n.score is distinct from o.score) then
    return null;
  end if;
  v_actor_name := app_private.user_name(v_actor);
  insert into app_public.notifications (type, title, message, related_lead_id, actor_id, recipient_id)
  select 'score_updated', 'Lead Score Updated',
         coalesce(v_actor_name || ' changed ', '') || app_private.clip(n.first_name || ' ' || n.last_name)
           || case when v_actor_name is null then ' score changed' else '''s score' end
           || ' from ' || o.score || ' to ' || n.score,
         n.id, v_actor, r.user_id
  from new_leads n
  join old_leads o on o.id = n.id
  cross join lateral app_private.lead_audience(n.id) r(user_id)
  where n.score is distinct from o.score
    and r.user_id is distinct from v_actor
    and app_private.wants(r.user_id, 'score_updated')
  order by n.id, r.user_id;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_leads__notify_score_updated(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_leads__notify_score_updated() IS 'One score_updated notification per lead whose score changed, to its owner and followers.';


--
-- Name: tg_leads__route_new_lead(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_leads__route_new_lead() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_id uuid;
begin
  insert into app_public.notifications (type, title, message, related_lead_id, actor_id)
    values ('lead_created', 'New Lead Created', app_private.clip(new.first_name || ' ' || new.last_name) || ' added to pipeline',
            new.id, app_public.current_user_id())
    returning id into v_id;
  if pg_sequence_last_value('app_private.switched_off_count') > 0 then
    perform app_private.hide_switched_off_broadcast(v_id, 'lead_created');
  end if;
  if new.owner_id is not null then
    perform app_private.route_lead_owner(new);
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_leads__route_new_lead(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_leads__route_new_lead() IS 'Per inserted lead (any INSERT or COPY): a lead_created broadcast; its owner, if any, follows it and gets lead_assigned.';


--
-- Name: tg_leads__route_new_owner(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_leads__route_new_owner() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  perform app_private.route_lead_owner(new);
  return null;
end;
$$;


--
-- Name: FUNCTION tg_leads__route_new_owner(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_leads__route_new_owner() IS 'When a lead''s owner changes: see route_lead_owner.';


--
-- Name: tg_notification_preferences__count_switched_off(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_notification_preferences__count_switched_off() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  perform setval('app_private.switched_off_count', (select count(*) from app_public.notification_preferences p where not p.in_app), true);
  return null;
end;
$$;


--
-- Name: FUNCTION tg_notification_preferences__count_switched_off(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_notification_preferences__count_switched_off() IS 'Statement-level: keeps app_private.switched_off_count equal to the number of types switched off.';


--
-- Name: tg_notifications__check_direct_writes(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_notifications__check_direct_writes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_bad text;
begin
  select n.type into v_bad from new_rows n
    where not exists (select 1 from app_public.notification_types t where t.type = n.type) limit 1;
  if found then
    raise exception 'type "%" is not a notification type', v_bad
      using errcode = 'foreign_key_violation', hint = 'Add it to app_public.notification_types first (docs/dba.md shows how).';
  end if;
  -- Key share, as a foreign key takes: the rows named cannot go away until this commits.
  perform 1 from app_public.leads l where l.id in (select n.related_lead_id from new_rows n) for key share;
  select n.related_lead_id::text into v_bad from new_rows n
    where n.related_lead_id is not null and not exists (select 1 from app_public.leads l where l.id = n.related_lead_id) limit 1;
  if found then
    raise exception 'related_lead_id % is not the id of a lead', v_bad
      using errcode = 'foreign_key_violation', hint = 'Use the id of a row in app_public.leads, or null.';
  end if;
  perform 1 from app_public.users u where u.id in (select n.recipient_id from new_rows n union select n.actor_id from new_rows n) for key share;
  select x.id::text into v_bad from (select n.recipient_id as id from new_rows n union select n.actor_id from new_rows n) x
    where x.id is not null and not exists (select 1 from app_public.users u where u.id = x.id) limit 1;
  if found then
    raise exception 'recipient_id or actor_id % is not the id of a user', v_bad
      using errcode = 'foreign_key_violation', hint = 'Use the id of a row in app_public.users, or null (recipient_id null: everyone).';
  end if;
  -- A broadcast written by hand is hidden from those who switched its type off, as Bellhop's own are.
  if tg_op = 'INSERT' then
    perform app_private.hide_switched_off_broadcast(n.id, n.type) from new_rows n where n.recipient_id is null;
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_notifications__check_direct_writes(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_notifications__check_direct_writes() IS 'Statement-level, after a direct INSERT or UPDATE of notifications: every type, related lead, recipient and actor must exist; a new broadcast is hidden from those who switched its type off.';


--
-- Name: tg_notifications__count_old_txids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_notifications__count_old_txids() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_horizon xid8;
begin
  -- Rows whose txid is not their writer's own (COPY from a dump, say) may land
  -- below the counting horizon, where no refresh will ever look: count them now.
  -- The lock keeps a refresh from moving the horizon past them meanwhile.
  if exists (select 1 from new_notifications n where n.txid <> pg_current_xact_id()) then
    select s.horizon into v_horizon from app_private.notification_counts_state s for share;
    insert into app_private.notification_counts as c (recipient_key, chunk, n)
      select app_private.recipient_key(n.recipient_id), app_private.notification_chunk(n.seq), count(*)
      from new_notifications n
      where n.txid < v_horizon
      group by 1, 2
      on conflict (recipient_key, chunk) do update set n = c.n + excluded.n;
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_notifications__count_old_txids(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_notifications__count_old_txids() IS 'Statement-level, after a direct INSERT or COPY into notifications: counts rows written with an old txid, which the periodic count refresh would never reach.';


--
-- Name: tg_notifications__recount_updated(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_notifications__recount_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_horizon xid8;
begin
  select s.horizon into v_horizon from app_private.notification_counts_state s for share;
  if old.txid < v_horizon then
    update app_private.notification_counts c set n = c.n - 1
      where c.recipient_key = app_private.recipient_key(old.recipient_id) and c.chunk = app_private.notification_chunk(old.seq);
  end if;
  if new.txid < v_horizon then
    insert into app_private.notification_counts as c (recipient_key, chunk, n)
      values (app_private.recipient_key(new.recipient_id), app_private.notification_chunk(new.seq), 1)
      on conflict (recipient_key, chunk) do update set n = c.n + 1;
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_notifications__recount_updated(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_notifications__recount_updated() IS 'Moves a notification whose seq, txid or recipient changed between counts.';


--
-- Name: tg_notifications__uncount_deleted(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_notifications__uncount_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_horizon xid8;
begin
  select s.horizon into v_horizon from app_private.notification_counts_state s for share;
  update app_private.notification_counts c set n = c.n - d.n
    from (select app_private.recipient_key(o.recipient_id) as recipient_key, app_private.notification_chunk(o.seq) as chunk, count(*) as n
          from old_notifications o where o.txid < v_horizon group by 1, 2) d
    where c.recipient_key = d.recipient_key and c.chunk = d.chunk;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_notifications__uncount_deleted(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_notifications__uncount_deleted() IS 'Takes deleted notifications off the chunk counts.';


--
-- Name: tg_notifications__uncount_truncated(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_notifications__uncount_truncated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  perform 1 from app_private.notification_counts_state s for share;
  delete from app_private.notification_counts;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_notifications__uncount_truncated(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_notifications__uncount_truncated() IS 'Empties the chunk counts with the table.';


--
-- Name: tg_tasks__follow_assignee(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_tasks__follow_assignee() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  insert into app_public.lead_followers (lead_id, user_id) values (new.lead_id, new.assignee_id) on conflict do nothing;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_tasks__follow_assignee(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_tasks__follow_assignee() IS 'Whoever is assigned a task on a lead follows the lead.';


--
-- Name: tg_tasks__notify_completed(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_tasks__notify_completed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_actor uuid := app_public.current_user_id();
  v_actor_name text := app_private.user_name(v_actor);
begin
  -- Transition tables differ by operation, so each gets its own statement;
  -- an update that completes no task writes nothing (and rings nothing).
  if tg_op = 'UPDATE' then
    if not exists (select 1 from new_tasks t join old_tasks o on o.id = t.id where t.completed_at is not null and o.completed_at is null) then
      return null;
    end if;
  end if;
  if tg_op = 'INSERT' then
    insert into app_public.notifications (type, title, message, related_lead_id, actor_id, recipient_id)
    select 'task_completed', 'Task Completed',
           coalesce(v_actor_name || ' completed ', '') || '"' || app_private.clip(t.title, 120) || '"'
             || case when v_actor_name is null then ' completed' else '' end
             || ' for ' || app_private.clip(l.first_name || ' ' || l.last_name),
           t.lead_id, v_actor, r.user_id
    from new_tasks t
    join app_public.leads l on l.id = t.lead_id
    cross join lateral (select a from app_private.lead_audience(t.lead_id) a union select t.assignee_id where t.assignee_id is not null) r(user_id)
    where t.completed_at is not null
      and r.user_id is distinct from v_actor
      and app_private.wants(r.user_id, 'task_completed')
    order by t.id, r.user_id;
  else
    insert into app_public.notifications (type, title, message, related_lead_id, actor_id, recipient_id)
    select 'task_completed', 'Task Completed',
           coalesce(v_actor_name || ' completed ', '') || '"' || app_private.clip(t.title, 120) || '"'
             || case when v_actor_name is null then ' completed' else '' end
             || ' for ' || app_private.clip(l.first_name || ' ' || l.last_name),
           t.lead_id, v_actor, r.user_id
    from new_tasks t
    join old_tasks o on o.id = t.id
    join app_public.leads l on l.id = t.lead_id
    cross join lateral (select a from app_private.lead_audience(t.lead_id) a union select t.assignee_id where t.assignee_id is not null) r(user_id)
    where t.completed_at is not null and o.completed_at is null
      and r.user_id is distinct from v_actor
      and app_private.wants(r.user_id, 'task_completed')
    order by t.id, r.user_id;
  end if;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_tasks__notify_completed(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_tasks__notify_completed() IS 'One task_completed notification per completed task, to the lead''s owner and followers and the task''s assignee.';


--
-- Name: tg_users__forget_in_notifications(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_users__forget_in_notifications() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  delete from app_public.notifications n using old_users o where n.recipient_id = o.id;
  update app_public.notifications n set actor_id = null from old_users o where n.actor_id = o.id;
  return null;
end;
$$;


--
-- Name: FUNCTION tg_users__forget_in_notifications(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg_users__forget_in_notifications() IS 'After users are deleted: their notifications go, and notifications they caused no longer name them.';


--
-- Name: user_name(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.user_name(p_user_id uuid) RETURNS text
    LANGUAGE sql STABLE
    AS $$
  select app_private.clip(u.name, 100) from app_public.users u where u.id = p_user_id;
$$;


--
-- Name: FUNCTION user_name(p_user_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.user_name(p_user_id uuid) IS 'A user''s name for a notification message, or null.';


--
-- Name: uuid_v7(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.uuid_v7() RETURNS uuid
    LANGUAGE sql PARALLEL SAFE
    AS $$
  -- 48-bit Unix time in ms over the first 6 bytes of a random UUID; then the
  -- version nibble 0100 (4) becomes 0111 (7). The variant bits stay RFC 9562's.
  select pg_catalog.encode(
    pg_catalog.set_bit(
      pg_catalog.set_bit(
        pg_catalog.overlay(
          pg_catalog.uuid_send(pg_catalog.gen_random_uuid()),
          pg_catalog.substr(pg_catalog.int8send(pg_catalog.floor(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint), 3),
          1, 6),
        52, 1),
      53, 1),
    'hex')::uuid
$$;


--
-- Name: FUNCTION uuid_v7(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.uuid_v7() IS 'A UUIDv7 (RFC 9562): millisecond timestamp first, then random bits. Ids made one after another sort one after another, so an index on them grows at its right edge.';


--
-- Name: wants(uuid, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.wants(p_user_id uuid, p_type text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select not exists (
    select 1 from app_public.notification_preferences p
    where p.user_id = p_user_id and p.type = p_type and not p.in_app
  );
$$;


--
-- Name: FUNCTION wants(p_user_id uuid, p_type text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.wants(p_user_id uuid, p_type text) IS 'False when the user switched this type off (in_app = false).';


--
-- Name: comments; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.comments (
    id integer NOT NULL,
    lead_id integer NOT NULL,
    author_id uuid DEFAULT app_public.current_user_id(),
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT comments_body_present CHECK ((length(btrim(body)) > 0))
);


--
-- Name: TABLE comments; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.comments IS 'A note on a lead. Adding one notifies the lead''s owner and followers and everyone @mentioned (as @their-email).';


--
-- Name: COLUMN comments.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.id IS 'Unique identifier of the comment.';


--
-- Name: COLUMN comments.lead_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.lead_id IS 'The lead this comment is on.';


--
-- Name: COLUMN comments.author_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.author_id IS 'Who wrote it; defaults to the signed-in user.';


--
-- Name: COLUMN comments.body; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.body IS 'The text of the comment; at most 10,000 characters.';


--
-- Name: COLUMN comments.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.created_at IS 'When the comment was added.';


--
-- Name: COLUMN comments.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.updated_at IS 'When the comment last changed.';


--
-- Name: add_comment(integer, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.add_comment(lead_id integer, body text) RETURNS app_public.comments
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_comment app_public.comments;
begin
  perform app_hidden.require_user_id();
  perform app_hidden.require_lead(add_comment.lead_id);
  insert into app_public.comments (lead_id, body) values (add_comment.lead_id, add_comment.body)
    returning * into v_comment;
  return v_comment;
end;
$$;


--
-- Name: FUNCTION add_comment(lead_id integer, body text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.add_comment(lead_id integer, body text) IS '@omit execute
Adds a comment to a lead; its owner, its followers and everyone @mentioned (as @their-email) are notified. You then follow the lead.';


--
-- Name: assign_lead(integer, uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.assign_lead(id integer, owner_id uuid) RETURNS app_public.leads
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_lead app_public.leads;
begin
  perform app_hidden.require_user_id();
  perform app_hidden.require_lead(assign_lead.id);
  update app_public.leads l set owner_id = app_hidden.require_user(assign_lead.owner_id)
    where l.id = assign_lead.id
    returning * into v_lead;
  return v_lead;
end;
$$;


--
-- Name: FUNCTION assign_lead(id integer, owner_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.assign_lead(id integer, owner_id uuid) IS '@omit execute
Makes a user the owner of a lead; they follow it and get a lead_assigned notification (unless they did it).';


--
-- Name: tasks; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.tasks (
    id integer NOT NULL,
    lead_id integer NOT NULL,
    title text NOT NULL,
    completed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    assignee_id uuid,
    CONSTRAINT tasks_title_present CHECK ((length(btrim(title)) > 0))
);


--
-- Name: TABLE tasks; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.tasks IS 'A to-do on a lead. Completing one notifies the lead''s owner and followers and the assignee.';


--
-- Name: COLUMN tasks.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.id IS 'Unique identifier of the task.';


--
-- Name: COLUMN tasks.lead_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.lead_id IS 'The lead this task belongs to.';


--
-- Name: COLUMN tasks.title; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.title IS 'What needs doing; at most 500 characters.';


--
-- Name: COLUMN tasks.completed_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.completed_at IS 'When the task was completed; null while open.';


--
-- Name: COLUMN tasks.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.created_at IS 'When the task was created.';


--
-- Name: COLUMN tasks.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.updated_at IS 'When the task last changed.';


--
-- Name: COLUMN tasks.assignee_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tasks.assignee_id IS 'Who does the task, if anyone; they follow the lead and hear when the task is completed.';


--
-- Name: assign_task(integer, uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.assign_task(id integer, assignee_id uuid) RETURNS app_public.tasks
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_task app_public.tasks;
begin
  perform app_hidden.require_user_id();
  perform app_hidden.require_task(assign_task.id);
  update app_public.tasks t
    set assignee_id = case when assign_task.assignee_id is null then null else app_hidden.require_user(assign_task.assignee_id) end
    where t.id = assign_task.id
    returning * into v_task;
  return v_task;
end;
$$;


--
-- Name: FUNCTION assign_task(id integer, assignee_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.assign_task(id integer, assignee_id uuid) IS '@omit execute
Assigns a task to a user (null: to nobody); they follow the lead and hear when the task is completed.';


--
-- Name: complete_task(integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.complete_task(id integer) RETURNS app_public.tasks
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_task app_public.tasks;
begin
  perform app_hidden.require_user_id();
  update app_public.tasks t set completed_at = coalesce(t.completed_at, now())
    where t.id = complete_task.id
    returning * into v_task;
  if not found then
    raise exception 'No task with id %.', complete_task.id using errcode = 'P0002';
  end if;
  return v_task;
end;
$$;


--
-- Name: FUNCTION complete_task(id integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.complete_task(id integer) IS '@omit execute
Completes a task; the lead''s owner and followers and the assignee are notified. Completing it again changes nothing.';


--
-- Name: create_lead(text, text, text, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.create_lead(first_name text, last_name text, email text, company text DEFAULT NULL::text) RETURNS app_public.leads
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_lead app_public.leads;
begin
  perform app_hidden.require_user_id();
  insert into app_public.leads (first_name, last_name, email, company)
    values (btrim(create_lead.first_name), btrim(create_lead.last_name), btrim(create_lead.email), nullif(btrim(create_lead.company), ''))
    returning * into v_lead;
  return v_lead;
end;
$$;


--
-- Name: FUNCTION create_lead(first_name text, last_name text, email text, company text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.create_lead(first_name text, last_name text, email text, company text) IS '@omit execute
Adds a lead to the pipeline (you own and follow it) and notifies everyone.';


--
-- Name: create_task(integer, text, uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.create_task(lead_id integer, title text, assignee_id uuid DEFAULT NULL::uuid) RETURNS app_public.tasks
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_task app_public.tasks;
begin
  perform app_hidden.require_user_id();
  perform app_hidden.require_lead(create_task.lead_id);
  if create_task.assignee_id is not null then
    perform app_hidden.require_user(create_task.assignee_id);
  end if;
  insert into app_public.tasks (lead_id, title, assignee_id) values (create_task.lead_id, btrim(create_task.title), create_task.assignee_id)
    returning * into v_task;
  return v_task;
end;
$$;


--
-- Name: FUNCTION create_task(lead_id integer, title text, assignee_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.create_task(lead_id integer, title text, assignee_id uuid) IS '@omit execute
Adds an open task to a lead, optionally assigned to someone.';


--
-- Name: users; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email public.citext NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_email_valid CHECK ((email OPERATOR(public.~) '^[^@\s]+@[^@\s]+\.[^@\s]+$'::public.citext)),
    CONSTRAINT users_name_present CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200)))
);


--
-- Name: TABLE users; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.users IS 'A person who signs in to the CRM.';


--
-- Name: COLUMN users.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.users.id IS 'Unique identifier of the user.';


--
-- Name: COLUMN users.email; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.users.email IS 'Email address used to sign in; unique, case-insensitive, at most 320 characters.';


--
-- Name: COLUMN users.name; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.users.name IS 'Display name; 1 to 200 characters.';


--
-- Name: COLUMN users.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.users.created_at IS 'When the account was created.';


--
-- Name: COLUMN users.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.users.updated_at IS 'When the account last changed.';


--
-- Name: current_user(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public."current_user"() RETURNS app_public.users
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
  select u.* from app_public.users u where u.id = app_public.current_user_id();
$$;


--
-- Name: FUNCTION "current_user"(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public."current_user"() IS 'The signed-in user, or null.';


--
-- Name: delete_notification(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.delete_notification(id uuid) RETURNS boolean
    LANGUAGE plpgsql STRICT
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app_hidden.require_user_id();
begin
  if not exists (select 1 from app_public.notifications n where n.id = delete_notification.id) then
    raise exception 'No notification with id %.', delete_notification.id using errcode = 'P0002';
  end if;
  insert into app_hidden.notification_receipts as r (user_id, notification_id, is_deleted)
    values (v_user_id, delete_notification.id, true)
    on conflict (user_id, notification_id) do update set is_deleted = true;
  perform app_hidden.record_user_event('deleted', array[delete_notification.id]);
  return true;
end;
$$;


--
-- Name: FUNCTION delete_notification(id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.delete_notification(id uuid) IS '@omit execute
Hides a notification for the signed-in user only; everyone else still sees it.';


--
-- Name: follow_lead(integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.follow_lead(lead_id integer) RETURNS app_public.leads
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_lead app_public.leads;
begin
  insert into app_public.lead_followers (lead_id, user_id)
    values (app_hidden.require_lead(follow_lead.lead_id), app_hidden.require_user_id())
    on conflict do nothing;
  select * into v_lead from app_public.leads l where l.id = follow_lead.lead_id;
  return v_lead;
end;
$$;


--
-- Name: FUNCTION follow_lead(lead_id integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.follow_lead(lead_id integer) IS '@omit execute
Follow a lead: hear about its tasks, scores and comments.';


--
-- Name: notifications; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.notifications (
    id uuid DEFAULT app_private.uuid_v7() NOT NULL,
    seq bigint NOT NULL,
    txid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    type text NOT NULL,
    title text NOT NULL,
    message text NOT NULL,
    related_lead_id integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    recipient_id uuid,
    actor_id uuid
);


--
-- Name: TABLE notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.notifications IS '@omit create,update,delete,all,many
@foreignKey (related_lead_id) references app_public.leads (id)
@foreignKey (recipient_id) references app_public.users (id)
@foreignKey (actor_id) references app_public.users (id)
A notification: to one user (recipient_id), or to everyone (recipient_id null). Read and deleted state are per user.';


--
-- Name: COLUMN notifications.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.id IS 'Unique identifier of the notification.';


--
-- Name: COLUMN notifications.seq; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.seq IS '@omit
Insertion order; internal.';


--
-- Name: COLUMN notifications.txid; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.txid IS '@omit
The transaction that wrote the row; the relay''s cursor.';


--
-- Name: COLUMN notifications.type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.type IS 'One of app_public.notification_types: lead_created, lead_assigned, task_completed, score_updated, comment_added, or one a DBA added.';


--
-- Name: COLUMN notifications.title; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.title IS 'Short headline, e.g. "New Lead Created".';


--
-- Name: COLUMN notifications.message; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.message IS 'One line of detail, e.g. "John Doe added to pipeline".';


--
-- Name: COLUMN notifications.related_lead_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.related_lead_id IS 'The lead this is about, if any.';


--
-- Name: COLUMN notifications.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.created_at IS 'When the notification was created.';


--
-- Name: COLUMN notifications.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.updated_at IS 'When the notification last changed.';


--
-- Name: COLUMN notifications.recipient_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.recipient_id IS 'Who this notification is for; null for a broadcast to everyone.';


--
-- Name: COLUMN notifications.actor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.actor_id IS 'Who caused it (the GraphQL caller or the comment''s author); null when unknown, e.g. a write from psql.';


--
-- Name: get_notifications(boolean, text[], boolean); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.get_notifications(unread_only boolean DEFAULT false, types text[] DEFAULT NULL::text[], for_me boolean DEFAULT false) RETURNS SETOF app_public.notifications
    LANGUAGE sql STABLE
    AS $$
  select n.*
  from app_public.notifications n
  where app_hidden.require_user_id() is not null
    and (n.recipient_id = app_public.current_user_id() or (n.recipient_id is null and not coalesce(for_me, false)))
    and (types is null or n.type = any(types))
    and (not coalesce(unread_only, false) or not app_public.notifications_is_read(n))
  order by n.seq desc;
$$;


--
-- Name: FUNCTION get_notifications(unread_only boolean, types text[], for_me boolean); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.get_notifications(unread_only boolean, types text[], for_me boolean) IS '@simpleCollections only
The signed-in user''s notifications (broadcasts and those addressed to them), newest first, without the ones they deleted. Page with first/offset; unreadOnly skips read ones; types keeps only those types; forMe keeps only those addressed to you (no broadcasts).';


--
-- Name: get_unread_count(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.get_unread_count() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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
    where r.user_id = me.user_id and (n.recipient_id is null or n.recipient_id = me.user_id)
  )
  select (
    -- Not covered by the watermark: above it, or written by a transaction in flight when it was set…
    (select app_hidden.count_notifications_after(wm.read_up_to) from wm)
    -- (the in-flight list as one value and no seq test in WHERE, so the txid index drives this)
    + (select count(*) filter (where n.seq <= (select read_up_to from wm)) from app_public.notifications n, me
       where n.txid = any((select in_flight from wm)::xid8[]) and (n.recipient_id is null or n.recipient_id = me.user_id))
    -- …is unread unless deleted or explicitly read since.
    - (select count(*) from receipts where uncovered and (is_deleted or (is_read and since_marked)))
    -- Covered: only what was explicitly marked unread since.
    + (select count(*) from receipts where not uncovered and not is_deleted and is_read = false and since_marked)
  )::int;
$$;


--
-- Name: FUNCTION get_unread_count(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.get_unread_count() IS 'How many of the signed-in user''s notifications are unread.';


--
-- Name: leads_is_followed_by_me(app_public.leads); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.leads_is_followed_by_me(l app_public.leads) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select exists (select 1 from app_public.lead_followers f where f.lead_id = l.id and f.user_id = app_public.current_user_id());
$$;


--
-- Name: FUNCTION leads_is_followed_by_me(l app_public.leads); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.leads_is_followed_by_me(l app_public.leads) IS 'Whether you follow this lead (you get its task, score and comment notifications). Its owner gets them either way.';


--
-- Name: login(text, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.login(email text, password text) RETURNS app_public.jwt_token
    LANGUAGE plpgsql STRICT SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_user_id uuid;
  v_hash text;
begin
  select u.id, s.password_hash into v_user_id, v_hash
    from app_public.users u join app_private.user_secrets s on s.user_id = u.id
    where u.email = login.email::citext;
  -- Hash even for unknown emails so timing does not reveal which accounts exist.
  if v_hash is null then
    perform crypt(password, gen_salt('bf', 10));
  elsif crypt(password, v_hash) = v_hash then
    return app_private.issue_token(v_user_id);
  end if;
  raise exception 'Incorrect email or password.' using errcode = '28P01';
end;
$$;


--
-- Name: FUNCTION login(email text, password text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.login(email text, password text) IS 'Returns a JWT for a correct email and password; the same error for a wrong password and an unknown email.';


--
-- Name: mark_all_as_read(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_all_as_read() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
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


--
-- Name: FUNCTION mark_all_as_read(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_all_as_read() IS '@omit execute
Marks everything as read for the signed-in user in one step, whatever the history size.';


--
-- Name: mark_as_read(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_as_read(id uuid) RETURNS app_public.notifications
    LANGUAGE plpgsql STRICT
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app_hidden.require_user_id();
  v_notification app_public.notifications;
begin
  select n.* into v_notification from app_public.notifications n where n.id = mark_as_read.id;
  if not found then
    raise exception 'No notification with id %.', mark_as_read.id using errcode = 'P0002';
  end if;
  insert into app_hidden.notification_receipts as r (user_id, notification_id, is_read, read_set_at)
    values (v_user_id, v_notification.id, true, clock_timestamp())
    on conflict (user_id, notification_id) do update set is_read = true, read_set_at = excluded.read_set_at;
  perform app_hidden.record_user_event('read', array[v_notification.id]);
  return v_notification;
end;
$$;


--
-- Name: FUNCTION mark_as_read(id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_as_read(id uuid) IS '@omit execute
Marks one notification as read for the signed-in user.';


--
-- Name: mark_as_unread(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_as_unread(id uuid) RETURNS app_public.notifications
    LANGUAGE plpgsql STRICT
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app_hidden.require_user_id();
  v_notification app_public.notifications;
begin
  select n.* into v_notification from app_public.notifications n where n.id = mark_as_unread.id;
  if not found then
    raise exception 'No notification with id %.', mark_as_unread.id using errcode = 'P0002';
  end if;
  insert into app_hidden.notification_receipts as r (user_id, notification_id, is_read, read_set_at)
    values (v_user_id, v_notification.id, false, clock_timestamp())
    on conflict (user_id, notification_id) do update set is_read = false, read_set_at = excluded.read_set_at;
  perform app_hidden.record_user_event('unread', array[v_notification.id]);
  return v_notification;
end;
$$;


--
-- Name: FUNCTION mark_as_unread(id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_as_unread(id uuid) IS '@omit execute
Marks one notification as unread for the signed-in user.';


--
-- Name: notification_preferences; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.notification_preferences (
    user_id uuid NOT NULL,
    type text NOT NULL,
    in_app boolean DEFAULT true NOT NULL,
    toast boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE notification_preferences; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.notification_preferences IS '@omit create,update,delete,all,many
What one user wants of one type. No row means both on.';


--
-- Name: COLUMN notification_preferences.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_preferences.user_id IS 'Whose preference.';


--
-- Name: COLUMN notification_preferences.type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_preferences.type IS 'The notification type.';


--
-- Name: COLUMN notification_preferences.in_app; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_preferences.in_app IS 'Off: notifications of this type are not delivered to you while it is off (not listed, counted or pushed).';


--
-- Name: COLUMN notification_preferences.toast; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_preferences.toast IS 'Off: still listed, counted and pushed, but no pop-up.';


--
-- Name: COLUMN notification_preferences.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_preferences.updated_at IS 'When it last changed.';


--
-- Name: notification_preferences(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.notification_preferences() RETURNS SETOF app_public.notification_preferences
    LANGUAGE sql STABLE
    AS $$
  -- Every type, with your stored choice or the default (both on).
  select coalesce(p.user_id, app_hidden.require_user_id()), t.type, coalesce(p.in_app, true), coalesce(p.toast, true),
         coalesce(p.updated_at, '-infinity')
  from app_public.notification_types t
  left join app_public.notification_preferences p on p.type = t.type and p.user_id = app_public.current_user_id()
  order by t.position, t.type;
$$;


--
-- Name: FUNCTION notification_preferences(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.notification_preferences() IS '@simpleCollections only
Your choice for every notification type: inApp (delivered to you at all) and toast (pops up).';


--
-- Name: notifications_is_read(app_public.notifications); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.notifications_is_read(n app_public.notifications) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select case
    when r.is_read is not null and r.read_set_at > coalesce(w.marked_at, '-infinity') then r.is_read
    else n.seq <= coalesce(w.read_up_to, 0) and not (n.txid = any(coalesce(w.read_in_flight, '{}')))
  end
  from (select app_public.current_user_id() as user_id) me
  left join app_hidden.notification_watermarks w on w.user_id = me.user_id
  left join app_hidden.notification_receipts r on r.user_id = me.user_id and r.notification_id = n.id;
$$;


--
-- Name: FUNCTION notifications_is_read(n app_public.notifications); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.notifications_is_read(n app_public.notifications) IS 'Whether the signed-in user has read this notification.';


--
-- Name: register(text, text, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.register(email text, password text, name text) RETURNS app_public.jwt_token
    LANGUAGE plpgsql STRICT SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  -- The server passes REGISTRATION as this setting; psql sessions have none (DBAs use create_user).
  if current_setting('bellhop.registration', true) = 'closed' then
    raise exception 'Sign-up is closed on this server: ask an administrator to add your account.' using errcode = '42501';
  end if;
  return app_private.issue_token(app_private.create_user(email, name, password));
end;
$$;


--
-- Name: FUNCTION register(email text, password text, name text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.register(email text, password text, name text) IS 'Creates an account and returns a JWT, unless sign-up is closed (REGISTRATION=closed). The password needs at least 8 characters; it is stored as a bcrypt hash (cost 10).';


--
-- Name: unfollow_lead(integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unfollow_lead(lead_id integer) RETURNS app_public.leads
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_lead app_public.leads;
begin
  delete from app_public.lead_followers f
    where f.lead_id = app_hidden.require_lead(unfollow_lead.lead_id) and f.user_id = app_hidden.require_user_id();
  select * into v_lead from app_public.leads l where l.id = unfollow_lead.lead_id;
  return v_lead;
end;
$$;


--
-- Name: FUNCTION unfollow_lead(lead_id integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unfollow_lead(lead_id integer) IS '@omit execute
Stop following a lead. Its owner still hears about it as the owner.';


--
-- Name: update_lead_score(integer, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.update_lead_score(id integer, score integer) RETURNS app_public.leads
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  v_lead app_public.leads;
begin
  perform app_hidden.require_user_id();
  update app_public.leads l set score = update_lead_score.score
    where l.id = update_lead_score.id
    returning * into v_lead;
  if not found then
    raise exception 'No lead with id %.', update_lead_score.id using errcode = 'P0002';
  end if;
  return v_lead;
end;
$$;


--
-- Name: FUNCTION update_lead_score(id integer, score integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.update_lead_score(id integer, score integer) IS '@omit execute
Sets a lead''s activity score (0 to 100); its owner and followers are notified if it changed.';


--
-- Name: update_notification_preference(text, boolean, boolean); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.update_notification_preference(type text, in_app boolean, toast boolean) RETURNS app_public.notification_preferences
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
#variable_conflict use_variable
declare
  v_pref app_public.notification_preferences;
begin
  if not exists (select 1 from app_public.notification_types t where t.type = update_notification_preference.type) then
    raise exception 'No notification type "%".', left(update_notification_preference.type, 60) using errcode = 'P0002';
  end if;
  insert into app_public.notification_preferences as p (user_id, type, in_app, toast, updated_at)
    values (app_hidden.require_user_id(), update_notification_preference.type,
            coalesce(update_notification_preference.in_app, true), coalesce(update_notification_preference.toast, true), now())
    on conflict on constraint notification_preferences_pkey
      do update set in_app = excluded.in_app, toast = excluded.toast, updated_at = excluded.updated_at
    returning * into v_pref;
  return v_pref;
end;
$$;


--
-- Name: FUNCTION update_notification_preference(type text, in_app boolean, toast boolean); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.update_notification_preference(type text, in_app boolean, toast boolean) IS '@omit execute
Sets your choice for one notification type. inApp off: not delivered to you while off. toast off: delivered, but no pop-up.';


--
-- Name: notification_receipts; Type: TABLE; Schema: app_hidden; Owner: -
--

CREATE TABLE app_hidden.notification_receipts (
    user_id uuid NOT NULL,
    notification_id uuid NOT NULL,
    is_read boolean,
    is_deleted boolean DEFAULT false NOT NULL,
    read_set_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE notification_receipts; Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON TABLE app_hidden.notification_receipts IS 'Per user and notification: an explicit read/unread choice (newer than the watermark wins) and deletion.';


--
-- Name: notification_watermarks; Type: TABLE; Schema: app_hidden; Owner: -
--

CREATE TABLE app_hidden.notification_watermarks (
    user_id uuid NOT NULL,
    read_up_to bigint DEFAULT 0 NOT NULL,
    marked_at timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
    read_in_flight xid8[] DEFAULT app_hidden.in_flight_xids()
);


--
-- Name: TABLE notification_watermarks; Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON TABLE app_hidden.notification_watermarks IS 'Per user: every notification with seq <= read_up_to, not written by a read_in_flight transaction, is read unless a later receipt says otherwise.';


--
-- Name: COLUMN notification_watermarks.read_in_flight; Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON COLUMN app_hidden.notification_watermarks.read_in_flight IS 'Transactions in flight when read_up_to was set: their rows stay unread even with seq <= read_up_to.';


--
-- Name: notification_counts; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.notification_counts (
    chunk bigint NOT NULL,
    n bigint NOT NULL,
    recipient_key uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: TABLE notification_counts; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.notification_counts IS 'Per recipient (all-zero uuid: broadcasts) and chunk of seq: how many notifications written by transactions below notification_counts_state.horizon exist.';


--
-- Name: notification_counts_state; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.notification_counts_state (
    only_row boolean DEFAULT true NOT NULL,
    horizon xid8 NOT NULL,
    CONSTRAINT notification_counts_state_only_row_check CHECK (only_row)
);


--
-- Name: TABLE notification_counts_state; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.notification_counts_state IS 'How far notification_counts goes: rows of transactions below horizon are counted, the rest are not.';


--
-- Name: relays; Type: TABLE; Schema: app_private; Owner: -
--

CREATE UNLOGGED TABLE app_private.relays (
    id uuid NOT NULL,
    draining boolean DEFAULT false NOT NULL,
    heartbeat_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE relays; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.relays IS 'Live relay processes. draining = true means "polling right now, no need to ring".';


--
-- Name: switched_off_count; Type: SEQUENCE; Schema: app_private; Owner: -
--

CREATE SEQUENCE app_private.switched_off_count
    START WITH 0
    INCREMENT BY 1
    MINVALUE 0
    NO MAXVALUE
    CACHE 1;


--
-- Name: SEQUENCE switched_off_count; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON SEQUENCE app_private.switched_off_count IS 'The number of notification_preferences rows with in_app off (kept by a trigger), so writers can skip hiding broadcasts without a query.';


--
-- Name: user_events; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.user_events (
    id bigint NOT NULL,
    txid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    notification_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    up_to_created_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT user_events_kind_check CHECK ((kind = ANY (ARRAY['read'::text, 'unread'::text, 'all_read'::text, 'deleted'::text])))
);


--
-- Name: TABLE user_events; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.user_events IS 'Outbox of per-user read/delete changes for the relay; rows older than a day are pruned.';


--
-- Name: user_events_id_seq; Type: SEQUENCE; Schema: app_private; Owner: -
--

ALTER TABLE app_private.user_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_private.user_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user_secrets; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.user_secrets (
    user_id uuid NOT NULL,
    password_hash text NOT NULL
);


--
-- Name: TABLE user_secrets; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.user_secrets IS 'Password hashes (bcrypt via pgcrypto), never visible to the API.';


--
-- Name: comments_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.comments ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME app_public.comments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: lead_followers; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.lead_followers (
    lead_id integer NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE lead_followers; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.lead_followers IS '@omit create,update,delete
Who follows which lead: they get its task, score and comment notifications. Owners, commenters, creators and task assignees follow automatically.';


--
-- Name: COLUMN lead_followers.lead_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.lead_followers.lead_id IS 'The lead followed.';


--
-- Name: COLUMN lead_followers.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.lead_followers.user_id IS 'The user who follows it.';


--
-- Name: COLUMN lead_followers.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.lead_followers.created_at IS 'Since when.';


--
-- Name: leads_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.leads ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME app_public.leads_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notification_types; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.notification_types (
    type text NOT NULL,
    label text NOT NULL,
    description text NOT NULL,
    "position" integer DEFAULT 100 NOT NULL,
    CONSTRAINT notification_types_type_format CHECK ((type ~ '^[a-z][a-z0-9_]{0,49}$'::text))
);


--
-- Name: TABLE notification_types; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.notification_types IS 'The kinds of notification. Add a row (in a migration) before a trigger writes a new type; each user can switch each type off.';


--
-- Name: COLUMN notification_types.type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_types.type IS 'The type as notifications.type stores it, e.g. comment_added.';


--
-- Name: COLUMN notification_types.label; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_types.label IS 'What the settings page calls it, e.g. "Comments on your leads".';


--
-- Name: COLUMN notification_types.description; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_types.description IS 'Who receives it and when.';


--
-- Name: COLUMN notification_types."position"; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notification_types."position" IS 'Order on the settings page.';


--
-- Name: notifications_seq_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.notifications ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.notifications_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: tasks_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.tasks ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME app_public.tasks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: notification_receipts notification_receipts_pkey; Type: CONSTRAINT; Schema: app_hidden; Owner: -
--

ALTER TABLE ONLY app_hidden.notification_receipts
    ADD CONSTRAINT notification_receipts_pkey PRIMARY KEY (user_id, notification_id);


--
-- Name: notification_watermarks notification_watermarks_pkey; Type: CONSTRAINT; Schema: app_hidden; Owner: -
--

ALTER TABLE ONLY app_hidden.notification_watermarks
    ADD CONSTRAINT notification_watermarks_pkey PRIMARY KEY (user_id);


--
-- Name: notification_counts notification_counts_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.notification_counts
    ADD CONSTRAINT notification_counts_pkey PRIMARY KEY (recipient_key, chunk);


--
-- Name: notification_counts_state notification_counts_state_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.notification_counts_state
    ADD CONSTRAINT notification_counts_state_pkey PRIMARY KEY (only_row);


--
-- Name: relays relays_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.relays
    ADD CONSTRAINT relays_pkey PRIMARY KEY (id);


--
-- Name: user_events user_events_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.user_events
    ADD CONSTRAINT user_events_pkey PRIMARY KEY (id);


--
-- Name: user_secrets user_secrets_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.user_secrets
    ADD CONSTRAINT user_secrets_pkey PRIMARY KEY (user_id);


--
-- Name: comments comments_body_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.comments
    ADD CONSTRAINT comments_body_length CHECK ((length(body) <= 10000)) NOT VALID;


--
-- Name: comments comments_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (id);


--
-- Name: lead_followers lead_followers_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.lead_followers
    ADD CONSTRAINT lead_followers_pkey PRIMARY KEY (lead_id, user_id);


--
-- Name: leads leads_company_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.leads
    ADD CONSTRAINT leads_company_length CHECK ((length(company) <= 200)) NOT VALID;


--
-- Name: leads leads_email_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.leads
    ADD CONSTRAINT leads_email_length CHECK ((length((email)::text) <= 320)) NOT VALID;


--
-- Name: leads leads_first_name_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.leads
    ADD CONSTRAINT leads_first_name_length CHECK ((length(first_name) <= 200)) NOT VALID;


--
-- Name: leads leads_last_name_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.leads
    ADD CONSTRAINT leads_last_name_length CHECK ((length(last_name) <= 200)) NOT VALID;


--
-- Name: leads leads_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.leads
    ADD CONSTRAINT leads_pkey PRIMARY KEY (id);


--
-- Name: notification_preferences notification_preferences_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notification_preferences
    ADD CONSTRAINT notification_preferences_pkey PRIMARY KEY (user_id, type);


--
-- Name: notification_types notification_types_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notification_types
    ADD CONSTRAINT notification_types_pkey PRIMARY KEY (type);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_seq_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_seq_key UNIQUE (seq);


--
-- Name: CONSTRAINT notifications_seq_key ON notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT notifications_seq_key ON app_public.notifications IS '@omit';


--
-- Name: tasks tasks_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.tasks
    ADD CONSTRAINT tasks_pkey PRIMARY KEY (id);


--
-- Name: tasks tasks_title_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.tasks
    ADD CONSTRAINT tasks_title_length CHECK ((length(title) <= 500)) NOT VALID;


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: CONSTRAINT users_email_key ON users; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT users_email_key ON app_public.users IS '@omit';


--
-- Name: users users_email_length; Type: CHECK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE app_public.users
    ADD CONSTRAINT users_email_length CHECK ((length((email)::text) <= 320)) NOT VALID;


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: notification_receipts_notification_id_idx; Type: INDEX; Schema: app_hidden; Owner: -
--

CREATE INDEX notification_receipts_notification_id_idx ON app_hidden.notification_receipts USING btree (notification_id);


--
-- Name: user_events_txid_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX user_events_txid_idx ON app_private.user_events USING btree (txid);


--
-- Name: comments_author_id_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX comments_author_id_idx ON app_public.comments USING btree (author_id);


--
-- Name: comments_lead_id_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX comments_lead_id_idx ON app_public.comments USING btree (lead_id);


--
-- Name: lead_followers_user_id_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX lead_followers_user_id_idx ON app_public.lead_followers USING btree (user_id);


--
-- Name: leads_created_at_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX leads_created_at_idx ON app_public.leads USING btree (created_at DESC);


--
-- Name: leads_owner_id_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX leads_owner_id_idx ON app_public.leads USING btree (owner_id);


--
-- Name: notification_preferences_off_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notification_preferences_off_idx ON app_public.notification_preferences USING btree (type, user_id) WHERE (NOT in_app);


--
-- Name: notifications_recipient_seq_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_recipient_seq_idx ON app_public.notifications USING btree (recipient_id, seq) WHERE (recipient_id IS NOT NULL);


--
-- Name: notifications_txid_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_txid_idx ON app_public.notifications USING btree (txid);


--
-- Name: tasks_assignee_id_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX tasks_assignee_id_idx ON app_public.tasks USING btree (assignee_id);


--
-- Name: tasks_lead_id_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX tasks_lead_id_idx ON app_public.tasks USING btree (lead_id);


--
-- Name: user_events _900_ring_doorbell; Type: TRIGGER; Schema: app_private; Owner: -
--

CREATE TRIGGER _900_ring_doorbell AFTER INSERT ON app_private.user_events FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg__ring_doorbell();


--
-- Name: notifications _100_check_direct_inserts; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_check_direct_inserts AFTER INSERT ON app_public.notifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT WHEN ((pg_trigger_depth() < 1)) EXECUTE FUNCTION app_private.tg_notifications__check_direct_writes();


--
-- Name: notifications _100_check_direct_updates; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_check_direct_updates AFTER UPDATE ON app_public.notifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT WHEN ((pg_trigger_depth() < 1)) EXECUTE FUNCTION app_private.tg_notifications__check_direct_writes();


--
-- Name: comments _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app_public.comments FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();


--
-- Name: leads _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app_public.leads FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();


--
-- Name: tasks _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app_public.tasks FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();


--
-- Name: users _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app_public.users FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();


--
-- Name: comments _500_notify_added; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify_added AFTER INSERT ON app_public.comments REFERENCING NEW TABLE AS new_comments FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_comments__notify_added();


--
-- Name: tasks _500_notify_completed_on_insert; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify_completed_on_insert AFTER INSERT ON app_public.tasks REFERENCING NEW TABLE AS new_tasks FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_tasks__notify_completed();


--
-- Name: tasks _500_notify_completed_on_update; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify_completed_on_update AFTER UPDATE ON app_public.tasks REFERENCING OLD TABLE AS old_tasks NEW TABLE AS new_tasks FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_tasks__notify_completed();


--
-- Name: leads _500_notify_score_updated; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify_score_updated AFTER UPDATE ON app_public.leads REFERENCING OLD TABLE AS old_leads NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_leads__notify_score_updated();


--
-- Name: leads _500_route_new_lead; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_route_new_lead AFTER INSERT ON app_public.leads FOR EACH ROW EXECUTE FUNCTION app_private.tg_leads__route_new_lead();


--
-- Name: leads _500_route_new_owner; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_route_new_owner AFTER UPDATE OF owner_id ON app_public.leads FOR EACH ROW WHEN (((new.owner_id IS NOT NULL) AND (new.owner_id IS DISTINCT FROM old.owner_id))) EXECUTE FUNCTION app_private.tg_leads__route_new_owner();


--
-- Name: tasks _600_follow_assignee_on_insert; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _600_follow_assignee_on_insert AFTER INSERT ON app_public.tasks FOR EACH ROW WHEN ((new.assignee_id IS NOT NULL)) EXECUTE FUNCTION app_private.tg_tasks__follow_assignee();


--
-- Name: tasks _600_follow_assignee_on_update; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _600_follow_assignee_on_update AFTER UPDATE OF assignee_id ON app_public.tasks FOR EACH ROW WHEN (((new.assignee_id IS NOT NULL) AND (new.assignee_id IS DISTINCT FROM old.assignee_id))) EXECUTE FUNCTION app_private.tg_tasks__follow_assignee();


--
-- Name: comments _600_follow_author; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _600_follow_author AFTER INSERT ON app_public.comments FOR EACH ROW WHEN ((new.author_id IS NOT NULL)) EXECUTE FUNCTION app_private.tg_comments__follow_author();


--
-- Name: notifications _800_count_old_txids; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _800_count_old_txids AFTER INSERT ON app_public.notifications REFERENCING NEW TABLE AS new_notifications FOR EACH STATEMENT WHEN ((pg_trigger_depth() < 1)) EXECUTE FUNCTION app_private.tg_notifications__count_old_txids();


--
-- Name: notifications _800_recount_updated; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _800_recount_updated AFTER UPDATE OF seq, txid, recipient_id ON app_public.notifications FOR EACH ROW WHEN (((old.seq IS DISTINCT FROM new.seq) OR (old.txid IS DISTINCT FROM new.txid) OR (old.recipient_id IS DISTINCT FROM new.recipient_id))) EXECUTE FUNCTION app_private.tg_notifications__recount_updated();


--
-- Name: notifications _800_uncount_deleted; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _800_uncount_deleted AFTER DELETE ON app_public.notifications REFERENCING OLD TABLE AS old_notifications FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_notifications__uncount_deleted();


--
-- Name: notifications _800_uncount_truncated; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _800_uncount_truncated AFTER TRUNCATE ON app_public.notifications FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_notifications__uncount_truncated();


--
-- Name: notification_preferences _900_count_switched_off; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_count_switched_off AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON app_public.notification_preferences FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_notification_preferences__count_switched_off();


--
-- Name: leads _900_follow_id_change; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_follow_id_change AFTER UPDATE OF id ON app_public.leads FOR EACH ROW WHEN ((old.id IS DISTINCT FROM new.id)) EXECUTE FUNCTION app_private.tg_leads__forget_in_notifications();


--
-- Name: leads _900_forget_deleted; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_forget_deleted AFTER DELETE ON app_public.leads REFERENCING OLD TABLE AS old_leads FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_leads__forget_in_notifications();


--
-- Name: users _900_forget_in_notifications; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_forget_in_notifications AFTER DELETE ON app_public.users REFERENCING OLD TABLE AS old_users FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_users__forget_in_notifications();


--
-- Name: leads _900_forget_truncated; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_forget_truncated AFTER TRUNCATE ON app_public.leads FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_leads__forget_in_notifications();


--
-- Name: notifications _900_ring_doorbell; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_ring_doorbell AFTER INSERT ON app_public.notifications FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg__ring_doorbell();


--
-- Name: notification_receipts notification_receipts_notification_id_fkey; Type: FK CONSTRAINT; Schema: app_hidden; Owner: -
--

ALTER TABLE ONLY app_hidden.notification_receipts
    ADD CONSTRAINT notification_receipts_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES app_public.notifications(id) ON DELETE CASCADE;


--
-- Name: notification_receipts notification_receipts_user_id_fkey; Type: FK CONSTRAINT; Schema: app_hidden; Owner: -
--

ALTER TABLE ONLY app_hidden.notification_receipts
    ADD CONSTRAINT notification_receipts_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.users(id) ON DELETE CASCADE;


--
-- Name: notification_watermarks notification_watermarks_user_id_fkey; Type: FK CONSTRAINT; Schema: app_hidden; Owner: -
--

ALTER TABLE ONLY app_hidden.notification_watermarks
    ADD CONSTRAINT notification_watermarks_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.users(id) ON DELETE CASCADE;


--
-- Name: user_events user_events_user_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.user_events
    ADD CONSTRAINT user_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.users(id) ON DELETE CASCADE;


--
-- Name: user_secrets user_secrets_user_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.user_secrets
    ADD CONSTRAINT user_secrets_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.users(id) ON DELETE CASCADE;


--
-- Name: comments comments_author_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES app_public.users(id) ON DELETE SET NULL;


--
-- Name: comments comments_lead_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES app_public.leads(id) ON DELETE CASCADE;


--
-- Name: lead_followers lead_followers_lead_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.lead_followers
    ADD CONSTRAINT lead_followers_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES app_public.leads(id) ON DELETE CASCADE;


--
-- Name: lead_followers lead_followers_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.lead_followers
    ADD CONSTRAINT lead_followers_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.users(id) ON DELETE CASCADE;


--
-- Name: leads leads_owner_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.leads
    ADD CONSTRAINT leads_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES app_public.users(id) ON DELETE SET NULL;


--
-- Name: notification_preferences notification_preferences_type_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notification_preferences
    ADD CONSTRAINT notification_preferences_type_fkey FOREIGN KEY (type) REFERENCES app_public.notification_types(type) ON DELETE CASCADE;


--
-- Name: notification_preferences notification_preferences_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notification_preferences
    ADD CONSTRAINT notification_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.users(id) ON DELETE CASCADE;


--
-- Name: tasks tasks_assignee_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.tasks
    ADD CONSTRAINT tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES app_public.users(id) ON DELETE SET NULL;


--
-- Name: tasks tasks_lead_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.tasks
    ADD CONSTRAINT tasks_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES app_public.leads(id) ON DELETE CASCADE;


--
-- Name: notification_receipts; Type: ROW SECURITY; Schema: app_hidden; Owner: -
--

ALTER TABLE app_hidden.notification_receipts ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_watermarks; Type: ROW SECURITY; Schema: app_hidden; Owner: -
--

ALTER TABLE app_hidden.notification_watermarks ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_receipts own_rows; Type: POLICY; Schema: app_hidden; Owner: -
--

CREATE POLICY own_rows ON app_hidden.notification_receipts USING ((user_id = ( SELECT app_public.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app_public.current_user_id() AS current_user_id)));


--
-- Name: notification_watermarks own_rows; Type: POLICY; Schema: app_hidden; Owner: -
--

CREATE POLICY own_rows ON app_hidden.notification_watermarks USING ((user_id = ( SELECT app_public.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app_public.current_user_id() AS current_user_id)));


--
-- Name: comments all_signed_in; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY all_signed_in ON app_public.comments USING ((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL));


--
-- Name: leads all_signed_in; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY all_signed_in ON app_public.leads USING ((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL));


--
-- Name: tasks all_signed_in; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY all_signed_in ON app_public.tasks USING ((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL));


--
-- Name: comments; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.comments ENABLE ROW LEVEL SECURITY;

--
-- Name: lead_followers; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.lead_followers ENABLE ROW LEVEL SECURITY;

--
-- Name: leads; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.leads ENABLE ROW LEVEL SECURITY;

--
-- Name: lead_followers manage_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY manage_own ON app_public.lead_followers USING ((user_id = ( SELECT app_public.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app_public.current_user_id() AS current_user_id)));


--
-- Name: notification_preferences; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.notification_preferences ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_types; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.notification_types ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_preferences own_rows; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY own_rows ON app_public.notification_preferences USING ((user_id = ( SELECT app_public.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT app_public.current_user_id() AS current_user_id)));


--
-- Name: notifications select_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own ON app_public.notifications FOR SELECT USING (((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL) AND ((recipient_id IS NULL) OR (recipient_id = ( SELECT app_public.current_user_id() AS current_user_id))) AND (NOT (EXISTS ( SELECT 1
   FROM app_hidden.notification_receipts r
  WHERE ((r.user_id = ( SELECT app_public.current_user_id() AS current_user_id)) AND (r.notification_id = notifications.id) AND r.is_deleted))))));


--
-- Name: lead_followers select_signed_in; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_signed_in ON app_public.lead_followers FOR SELECT USING ((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL));


--
-- Name: notification_types select_signed_in; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_signed_in ON app_public.notification_types FOR SELECT USING ((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL));


--
-- Name: users select_signed_in; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_signed_in ON app_public.users FOR SELECT USING ((( SELECT app_public.current_user_id() AS current_user_id) IS NOT NULL));


--
-- Name: tasks; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.tasks ENABLE ROW LEVEL SECURITY;

--
-- Name: users update_self; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_self ON app_public.users FOR UPDATE USING ((id = ( SELECT app_public.current_user_id() AS current_user_id)));


--
-- Name: users; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.users ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA app_hidden; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_hidden TO bellhop_visitor;


--
-- Name: SCHEMA app_public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_public TO bellhop_visitor;


--
-- Name: FUNCTION count_notifications_after(p_seq bigint); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.count_notifications_after(p_seq bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.count_notifications_after(p_seq bigint) TO bellhop_visitor;


--
-- Name: FUNCTION in_flight_xids(); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.in_flight_xids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.in_flight_xids() TO bellhop_visitor;


--
-- Name: FUNCTION record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamp with time zone); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamp with time zone) TO bellhop_visitor;


--
-- Name: FUNCTION require_lead(p_lead_id integer); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.require_lead(p_lead_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.require_lead(p_lead_id integer) TO bellhop_visitor;


--
-- Name: FUNCTION require_task(p_task_id integer); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.require_task(p_task_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.require_task(p_task_id integer) TO bellhop_visitor;


--
-- Name: FUNCTION require_user(p_user_id uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.require_user(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.require_user(p_user_id uuid) TO bellhop_visitor;


--
-- Name: FUNCTION require_user_id(); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.require_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.require_user_id() TO bellhop_visitor;


--
-- Name: FUNCTION clip(p_text text, p_max integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.clip(p_text text, p_max integer) FROM PUBLIC;


--
-- Name: FUNCTION create_user(email text, name text, password text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.create_user(email text, name text, password text) FROM PUBLIC;


--
-- Name: FUNCTION delete_old_notifications(older_than interval, batch_size integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.delete_old_notifications(older_than interval, batch_size integer) FROM PUBLIC;


--
-- Name: FUNCTION doorbell_lock_key(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.doorbell_lock_key() FROM PUBLIC;


--
-- Name: FUNCTION doorbell_sleep(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.doorbell_sleep() FROM PUBLIC;


--
-- Name: FUNCTION doorbell_slots(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.doorbell_slots() FROM PUBLIC;


--
-- Name: FUNCTION doorbell_wake(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.doorbell_wake() FROM PUBLIC;


--
-- Name: FUNCTION hide_switched_off_broadcast(p_notification_id uuid, p_type text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.hide_switched_off_broadcast(p_notification_id uuid, p_type text) FROM PUBLIC;


--
-- Name: FUNCTION issue_token(p_user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.issue_token(p_user_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION lead_audience(p_lead_id integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.lead_audience(p_lead_id integer) FROM PUBLIC;


--
-- Name: FUNCTION mentioned_users(p_body text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.mentioned_users(p_body text) FROM PUBLIC;


--
-- Name: FUNCTION notification_chunk(p_seq bigint); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.notification_chunk(p_seq bigint) FROM PUBLIC;


--
-- Name: PROCEDURE purge_old_notifications(IN older_than interval, IN batch_size integer, INOUT deleted bigint); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON PROCEDURE app_private.purge_old_notifications(IN older_than interval, IN batch_size integer, INOUT deleted bigint) FROM PUBLIC;


--
-- Name: PROCEDURE rebase_restored_txids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON PROCEDURE app_private.rebase_restored_txids() FROM PUBLIC;


--
-- Name: FUNCTION recipient_key(p_recipient_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.recipient_key(p_recipient_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION refresh_notification_counts(p_max_rows integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.refresh_notification_counts(p_max_rows integer) FROM PUBLIC;


--
-- Name: FUNCTION relay_heartbeat(p_relay_id uuid, p_draining boolean); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.relay_heartbeat(p_relay_id uuid, p_draining boolean) FROM PUBLIC;


--
-- Name: FUNCTION relay_prune(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.relay_prune() FROM PUBLIC;


--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.current_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.current_user_id() TO bellhop_visitor;


--
-- Name: TABLE leads; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.first_name; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(first_name),UPDATE(first_name) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.last_name; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(last_name),UPDATE(last_name) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.email; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(email),UPDATE(email) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.company; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(company),UPDATE(company) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.status; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(status),UPDATE(status) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.score; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(score),UPDATE(score) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: COLUMN leads.owner_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(owner_id),UPDATE(owner_id) ON TABLE app_public.leads TO bellhop_visitor;


--
-- Name: FUNCTION route_lead_owner(p_lead app_public.leads); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.route_lead_owner(p_lead app_public.leads) FROM PUBLIC;


--
-- Name: FUNCTION tg__ring_doorbell(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg__ring_doorbell() FROM PUBLIC;


--
-- Name: FUNCTION tg__timestamps(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg__timestamps() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__follow_author(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_comments__follow_author() FROM PUBLIC;


--
-- Name: FUNCTION tg_comments__notify_added(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_comments__notify_added() FROM PUBLIC;


--
-- Name: FUNCTION tg_leads__forget_in_notifications(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_leads__forget_in_notifications() FROM PUBLIC;


--
-- Name: FUNCTION tg_leads__notify_score_updated(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_leads__notify_score_updated() FROM PUBLIC;


--
-- Name: FUNCTION tg_leads__route_new_lead(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_leads__route_new_lead() FROM PUBLIC;


--
-- Name: FUNCTION tg_leads__route_new_owner(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_leads__route_new_owner() FROM PUBLIC;


--
-- Name: FUNCTION tg_notification_preferences__count_switched_off(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_notification_preferences__count_switched_off() FROM PUBLIC;


--
-- Name: FUNCTION tg_notifications__check_direct_writes(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_notifications__check_direct_writes() FROM PUBLIC;


--
-- Name: FUNCTION tg_notifications__count_old_txids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_notifications__count_old_txids() FROM PUBLIC;


--
-- Name: FUNCTION tg_notifications__recount_updated(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_notifications__recount_updated() FROM PUBLIC;


--
-- Name: FUNCTION tg_notifications__uncount_deleted(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_notifications__uncount_deleted() FROM PUBLIC;


--
-- Name: FUNCTION tg_notifications__uncount_truncated(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_notifications__uncount_truncated() FROM PUBLIC;


--
-- Name: FUNCTION tg_tasks__follow_assignee(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_tasks__follow_assignee() FROM PUBLIC;


--
-- Name: FUNCTION tg_tasks__notify_completed(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_tasks__notify_completed() FROM PUBLIC;


--
-- Name: FUNCTION tg_users__forget_in_notifications(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_users__forget_in_notifications() FROM PUBLIC;


--
-- Name: FUNCTION user_name(p_user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.user_name(p_user_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION uuid_v7(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.uuid_v7() FROM PUBLIC;


--
-- Name: FUNCTION wants(p_user_id uuid, p_type text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.wants(p_user_id uuid, p_type text) FROM PUBLIC;


--
-- Name: TABLE comments; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.comments TO bellhop_visitor;


--
-- Name: COLUMN comments.lead_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(lead_id) ON TABLE app_public.comments TO bellhop_visitor;


--
-- Name: COLUMN comments.body; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(body) ON TABLE app_public.comments TO bellhop_visitor;


--
-- Name: FUNCTION add_comment(lead_id integer, body text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.add_comment(lead_id integer, body text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.add_comment(lead_id integer, body text) TO bellhop_visitor;


--
-- Name: FUNCTION assign_lead(id integer, owner_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.assign_lead(id integer, owner_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.assign_lead(id integer, owner_id uuid) TO bellhop_visitor;


--
-- Name: TABLE tasks; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.tasks TO bellhop_visitor;


--
-- Name: COLUMN tasks.lead_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(lead_id) ON TABLE app_public.tasks TO bellhop_visitor;


--
-- Name: COLUMN tasks.title; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(title),UPDATE(title) ON TABLE app_public.tasks TO bellhop_visitor;


--
-- Name: COLUMN tasks.completed_at; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(completed_at) ON TABLE app_public.tasks TO bellhop_visitor;


--
-- Name: COLUMN tasks.assignee_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(assignee_id),UPDATE(assignee_id) ON TABLE app_public.tasks TO bellhop_visitor;


--
-- Name: FUNCTION assign_task(id integer, assignee_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.assign_task(id integer, assignee_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.assign_task(id integer, assignee_id uuid) TO bellhop_visitor;


--
-- Name: FUNCTION complete_task(id integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.complete_task(id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.complete_task(id integer) TO bellhop_visitor;


--
-- Name: FUNCTION create_lead(first_name text, last_name text, email text, company text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.create_lead(first_name text, last_name text, email text, company text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.create_lead(first_name text, last_name text, email text, company text) TO bellhop_visitor;


--
-- Name: FUNCTION create_task(lead_id integer, title text, assignee_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.create_task(lead_id integer, title text, assignee_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.create_task(lead_id integer, title text, assignee_id uuid) TO bellhop_visitor;


--
-- Name: TABLE users; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.users TO bellhop_visitor;


--
-- Name: COLUMN users.name; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(name) ON TABLE app_public.users TO bellhop_visitor;


--
-- Name: FUNCTION "current_user"(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public."current_user"() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public."current_user"() TO bellhop_visitor;


--
-- Name: FUNCTION delete_notification(id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.delete_notification(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.delete_notification(id uuid) TO bellhop_visitor;


--
-- Name: FUNCTION follow_lead(lead_id integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.follow_lead(lead_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.follow_lead(lead_id integer) TO bellhop_visitor;


--
-- Name: TABLE notifications; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.notifications TO bellhop_visitor;


--
-- Name: FUNCTION get_notifications(unread_only boolean, types text[], for_me boolean); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.get_notifications(unread_only boolean, types text[], for_me boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.get_notifications(unread_only boolean, types text[], for_me boolean) TO bellhop_visitor;


--
-- Name: FUNCTION get_unread_count(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.get_unread_count() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.get_unread_count() TO bellhop_visitor;


--
-- Name: FUNCTION leads_is_followed_by_me(l app_public.leads); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.leads_is_followed_by_me(l app_public.leads) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.leads_is_followed_by_me(l app_public.leads) TO bellhop_visitor;


--
-- Name: FUNCTION login(email text, password text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.login(email text, password text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.login(email text, password text) TO bellhop_visitor;


--
-- Name: FUNCTION mark_all_as_read(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_all_as_read() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_all_as_read() TO bellhop_visitor;


--
-- Name: FUNCTION mark_as_read(id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_as_read(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_as_read(id uuid) TO bellhop_visitor;


--
-- Name: FUNCTION mark_as_unread(id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_as_unread(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_as_unread(id uuid) TO bellhop_visitor;


--
-- Name: TABLE notification_preferences; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE app_public.notification_preferences TO bellhop_visitor;


--
-- Name: FUNCTION notification_preferences(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.notification_preferences() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.notification_preferences() TO bellhop_visitor;


--
-- Name: FUNCTION notifications_is_read(n app_public.notifications); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.notifications_is_read(n app_public.notifications) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.notifications_is_read(n app_public.notifications) TO bellhop_visitor;


--
-- Name: FUNCTION register(email text, password text, name text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.register(email text, password text, name text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.register(email text, password text, name text) TO bellhop_visitor;


--
-- Name: FUNCTION unfollow_lead(lead_id integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unfollow_lead(lead_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unfollow_lead(lead_id integer) TO bellhop_visitor;


--
-- Name: FUNCTION update_lead_score(id integer, score integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.update_lead_score(id integer, score integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.update_lead_score(id integer, score integer) TO bellhop_visitor;


--
-- Name: FUNCTION update_notification_preference(type text, in_app boolean, toast boolean); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.update_notification_preference(type text, in_app boolean, toast boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.update_notification_preference(type text, in_app boolean, toast boolean) TO bellhop_visitor;


--
-- Name: TABLE notification_receipts; Type: ACL; Schema: app_hidden; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE app_hidden.notification_receipts TO bellhop_visitor;


--
-- Name: TABLE notification_watermarks; Type: ACL; Schema: app_hidden; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE app_hidden.notification_watermarks TO bellhop_visitor;


--
-- Name: TABLE lead_followers; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE app_public.lead_followers TO bellhop_visitor;


--
-- Name: TABLE notification_types; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.notification_types TO bellhop_visitor;


--
-- PostgreSQL database dump complete
--


