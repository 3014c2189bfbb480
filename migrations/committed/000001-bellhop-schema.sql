--! Previous: -
--! Hash: sha1:4d9f1a405f2aaed02c72b055d9c3d4f58f631352
--! Message: Bellhop schema

-- Bellhop schema, first version.
-- Idempotent: everything is dropped first, in reverse order of creation, so
-- `graphile-migrate watch` can re-run this file as often as it likes.

drop schema if exists app_public cascade;
drop schema if exists app_hidden cascade;
drop schema if exists app_private cascade;

create extension if not exists pgcrypto with schema public;
create extension if not exists citext with schema public;

-- The roles are created by db/src/bootstrap.ts (they are cluster-wide, so no
-- migration owns them). Nobody gets anything by default.
alter default privileges revoke all on sequences from public;
alter default privileges revoke all on functions from public;
revoke all on schema public from public;
grant usage on schema public to bellhop_visitor;

create schema app_public;
create schema app_hidden;
create schema app_private;

grant usage on schema app_public, app_hidden to bellhop_visitor;

comment on schema app_public is 'Tables and functions exposed through GraphQL.';
comment on schema app_hidden is 'Usable by the visitor role, not exposed through GraphQL.';
comment on schema app_private is 'Secrets and trigger internals; never granted to the visitor.';

--------------------------------------------------------------------------------
-- Shared trigger helpers
--------------------------------------------------------------------------------

create function app_private.tg__timestamps() returns trigger
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  new.created_at := case when tg_op = 'INSERT' then coalesce(new.created_at, now()) else old.created_at end;
  new.updated_at := case when tg_op = 'UPDATE' and old.updated_at >= now() then old.updated_at + interval '1 millisecond' else now() end;
  return new;
end;
$$;
comment on function app_private.tg__timestamps() is
  'Keeps created_at fixed and moves updated_at forward on every write.';

--------------------------------------------------------------------------------
-- Session
--------------------------------------------------------------------------------

-- No SET clause on this and the read-path functions below: it would stop the
-- planner from inlining them, and get_notifications must inline for paging.
create function app_public.current_user_id() returns uuid
  language sql stable
as $$
  select nullif(pg_catalog.current_setting('jwt.claims.user_id', true), '')::uuid;
$$;
comment on function app_public.current_user_id() is
  'The id of the signed-in user, from the verified JWT; null for anonymous callers.';

create function app_hidden.require_user_id() returns uuid
  language plpgsql stable
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_hidden.require_user_id() is
  'The signed-in user id, or a clear error for anonymous callers.';

--------------------------------------------------------------------------------
-- Users
--------------------------------------------------------------------------------

create table app_public.users (
  id uuid primary key default gen_random_uuid(),
  email citext not null,
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_email_key unique (email),
  constraint users_email_valid check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  constraint users_name_present check (length(btrim(name)) between 1 and 200)
);
alter table app_public.users enable row level security;
create trigger _100_timestamps before insert or update on app_public.users
  for each row execute function app_private.tg__timestamps();

comment on table app_public.users is 'A person who signs in to the CRM.';
comment on column app_public.users.id is 'Unique identifier of the user.';
comment on column app_public.users.email is 'Email address used to sign in; unique, case-insensitive.';
comment on column app_public.users.name is 'Display name.';
comment on column app_public.users.created_at is 'When the account was created.';
comment on column app_public.users.updated_at is 'When the account last changed.';
comment on constraint users_email_key on app_public.users is E'@omit';

grant select on app_public.users to bellhop_visitor;
grant update (name) on app_public.users to bellhop_visitor;
-- Teammates see each other (names on comments); only you can change yourself.
create policy select_signed_in on app_public.users for select
  using ((select app_public.current_user_id()) is not null);
create policy update_self on app_public.users for update
  using (id = (select app_public.current_user_id()));

create table app_private.user_secrets (
  user_id uuid primary key references app_public.users on delete cascade,
  password_hash text not null
);
comment on table app_private.user_secrets is 'Password hashes (bcrypt via pgcrypto), never visible to the API.';

create function app_public.current_user() returns app_public.users
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  select u.* from app_public.users u where u.id = app_public.current_user_id();
$$;
comment on function app_public.current_user() is 'The signed-in user, or null.';

--------------------------------------------------------------------------------
-- Authentication
--------------------------------------------------------------------------------

create type app_public.jwt_token as (
  role text,
  user_id uuid,
  exp bigint,
  aud text,
  iss text
);
comment on type app_public.jwt_token is
  'A signed JWT (HS256) to send as "Authorization: Bearer <token>".';

create function app_private.issue_token(p_user_id uuid) returns app_public.jwt_token
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  select (
    'bellhop_visitor',
    p_user_id,
    extract(epoch from now() + coalesce(nullif(current_setting('bellhop.jwt_ttl', true), '')::interval, interval '7 days'))::bigint,
    'bellhop',
    'bellhop'
  )::app_public.jwt_token;
$$;
comment on function app_private.issue_token(uuid) is
  'Builds the claims PostGraphile signs; lifetime from the bellhop.jwt_ttl setting (default 7 days).';

create function app_public.register(email text, password text, name text) returns app_public.jwt_token
  language plpgsql volatile strict security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_user app_public.users;
begin
  if email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'Email "%" is not a valid email address.', email using errcode = '22023';
  end if;
  if length(btrim(name)) = 0 then
    raise exception 'Name must not be empty.' using errcode = '22023';
  end if;
  if length(password) < 8 then
    raise exception 'Password must be at least 8 characters long.' using errcode = '22023';
  end if;
  if exists (select 1 from app_public.users u where u.email = register.email::citext) then
    raise exception 'An account with this email already exists; sign in instead.' using errcode = '23505';
  end if;

  insert into app_public.users (email, name) values (register.email, btrim(register.name))
    returning * into v_user;
  insert into app_private.user_secrets (user_id, password_hash)
    values (v_user.id, crypt(password, gen_salt('bf', 10)));
  -- History from before you joined counts as read: a new teammate starts at zero.
  insert into app_hidden.notification_watermarks (user_id, read_up_to, marked_at)
    values (v_user.id, coalesce((select max(seq) from app_public.notifications), 0), now());
  return app_private.issue_token(v_user.id);
end;
$$;
comment on function app_public.register(text, text, text) is
  'Creates an account and returns a JWT. The password needs at least 8 characters; it is stored as a bcrypt hash (cost 10).';

create function app_public.login(email text, password text) returns app_public.jwt_token
  language plpgsql volatile strict security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.login(text, text) is
  'Returns a JWT for a correct email and password; the same error for a wrong password and an unknown email.';

--------------------------------------------------------------------------------
-- Leads
--------------------------------------------------------------------------------

create table app_public.leads (
  id int primary key generated by default as identity,
  first_name text not null,
  last_name text not null,
  email citext not null,
  company text,
  status text not null default 'new',
  score int not null default 0,
  owner_id uuid references app_public.users on delete set null default app_public.current_user_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint leads_first_name_present check (length(btrim(first_name)) > 0),
  constraint leads_last_name_present check (length(btrim(last_name)) > 0),
  constraint leads_email_valid check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  constraint leads_status_valid check (status in ('new', 'contacted', 'qualified', 'won', 'lost')),
  constraint leads_score_range check (score between 0 and 100)
);
create index leads_owner_id_idx on app_public.leads (owner_id);
create index leads_created_at_idx on app_public.leads (created_at desc);
alter table app_public.leads enable row level security;
create trigger _100_timestamps before insert or update on app_public.leads
  for each row execute function app_private.tg__timestamps();

comment on table app_public.leads is 'A sales lead in the pipeline. Inserting one, from anywhere, notifies everyone.';
comment on column app_public.leads.id is 'Unique identifier of the lead.';
comment on column app_public.leads.first_name is 'First name; required.';
comment on column app_public.leads.last_name is 'Last name; required.';
comment on column app_public.leads.email is 'Contact email; must look like an email address.';
comment on column app_public.leads.company is 'Company the lead works for, if known.';
comment on column app_public.leads.status is 'Pipeline stage: new, contacted, qualified, won or lost.';
comment on column app_public.leads.score is 'Activity score from 0 to 100; changing it notifies everyone.';
comment on column app_public.leads.owner_id is 'The user who owns the lead; defaults to whoever created it.';
comment on column app_public.leads.created_at is 'When the lead was created.';
comment on column app_public.leads.updated_at is 'When the lead last changed.';

grant select on app_public.leads to bellhop_visitor;
-- A shared pipeline: every signed-in user works every lead.
create policy all_signed_in on app_public.leads for all
  using ((select app_public.current_user_id()) is not null);

--------------------------------------------------------------------------------
-- Tasks and comments
--------------------------------------------------------------------------------

create table app_public.tasks (
  id int primary key generated by default as identity,
  lead_id int not null references app_public.leads on delete cascade,
  title text not null,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tasks_title_present check (length(btrim(title)) > 0)
);
create index tasks_lead_id_idx on app_public.tasks (lead_id);
alter table app_public.tasks enable row level security;
create trigger _100_timestamps before insert or update on app_public.tasks
  for each row execute function app_private.tg__timestamps();

comment on table app_public.tasks is 'A to-do on a lead. Completing one notifies everyone.';
comment on column app_public.tasks.id is 'Unique identifier of the task.';
comment on column app_public.tasks.lead_id is 'The lead this task belongs to.';
comment on column app_public.tasks.title is 'What needs doing.';
comment on column app_public.tasks.completed_at is 'When the task was completed; null while open.';
comment on column app_public.tasks.created_at is 'When the task was created.';
comment on column app_public.tasks.updated_at is 'When the task last changed.';

grant select on app_public.tasks to bellhop_visitor;
create policy all_signed_in on app_public.tasks for all
  using ((select app_public.current_user_id()) is not null);

create table app_public.comments (
  id int primary key generated by default as identity,
  lead_id int not null references app_public.leads on delete cascade,
  author_id uuid references app_public.users on delete set null default app_public.current_user_id(),
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint comments_body_present check (length(btrim(body)) > 0)
);
create index comments_lead_id_idx on app_public.comments (lead_id);
create index comments_author_id_idx on app_public.comments (author_id);
alter table app_public.comments enable row level security;
create trigger _100_timestamps before insert or update on app_public.comments
  for each row execute function app_private.tg__timestamps();

comment on table app_public.comments is 'A note on a lead. Adding one notifies everyone.';
comment on column app_public.comments.id is 'Unique identifier of the comment.';
comment on column app_public.comments.lead_id is 'The lead this comment is on.';
comment on column app_public.comments.author_id is 'Who wrote it; defaults to the signed-in user.';
comment on column app_public.comments.body is 'The text of the comment.';
comment on column app_public.comments.created_at is 'When the comment was added.';
comment on column app_public.comments.updated_at is 'When the comment last changed.';

grant select on app_public.comments to bellhop_visitor;
create policy all_signed_in on app_public.comments for all
  using ((select app_public.current_user_id()) is not null);

--------------------------------------------------------------------------------
-- Notifications: the mailbox
--------------------------------------------------------------------------------

create table app_public.notifications (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order, for "newest first" and the per-user read watermark.
  seq bigint generated always as identity,
  -- The writing transaction, so the relay can read new rows in commit-safe order.
  txid xid8 not null default pg_current_xact_id(),
  type text not null,
  title text not null,
  message text not null,
  related_lead_id int references app_public.leads on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notifications_type_valid
    check (type in ('lead_created', 'task_completed', 'score_updated', 'comment_added')),
  constraint notifications_seq_key unique (seq)
);
create index notifications_txid_idx on app_public.notifications (txid);
create index notifications_related_lead_id_idx on app_public.notifications (related_lead_id);
alter table app_public.notifications enable row level security;

comment on table app_public.notifications is
  E'@omit create,update,delete,all,many\nA notification shown to every signed-in user. Read and deleted state are per user.';
comment on column app_public.notifications.id is 'Unique identifier of the notification.';
comment on column app_public.notifications.seq is E'@omit\nInsertion order; internal.';
comment on column app_public.notifications.txid is E'@omit\nThe transaction that wrote the row; the relay''s cursor.';
comment on column app_public.notifications.type is 'lead_created, task_completed, score_updated or comment_added.';
comment on column app_public.notifications.title is 'Short headline, e.g. "New Lead Created".';
comment on column app_public.notifications.message is 'One line of detail, e.g. "John Doe added to pipeline".';
comment on column app_public.notifications.related_lead_id is 'The lead this is about, if any.';
comment on column app_public.notifications.created_at is 'When the notification was created.';
comment on column app_public.notifications.updated_at is 'When the notification last changed.';
comment on constraint notifications_seq_key on app_public.notifications is E'@omit';

grant select on app_public.notifications to bellhop_visitor;
create policy select_signed_in on app_public.notifications for select
  using ((select app_public.current_user_id()) is not null);

-- Per-user state. Everything with seq <= read_up_to counts as read, unless a
-- receipt written after marked_at says otherwise: "mark all as read" is one
-- upsert whatever the history size.
create table app_hidden.notification_watermarks (
  user_id uuid primary key references app_public.users on delete cascade,
  read_up_to bigint not null default 0,
  marked_at timestamptz not null default '-infinity'
);
comment on table app_hidden.notification_watermarks is
  'Per user: every notification with seq <= read_up_to is read unless a later receipt says otherwise.';

create table app_hidden.notification_receipts (
  user_id uuid not null references app_public.users on delete cascade,
  notification_id uuid not null references app_public.notifications on delete cascade,
  is_read boolean,
  is_deleted boolean not null default false,
  read_set_at timestamptz not null default now(),
  primary key (user_id, notification_id)
);
create index notification_receipts_notification_id_idx on app_hidden.notification_receipts (notification_id);
comment on table app_hidden.notification_receipts is
  'Per user and notification: an explicit read/unread choice (newer than the watermark wins) and deletion.';

alter table app_hidden.notification_watermarks enable row level security;
alter table app_hidden.notification_receipts enable row level security;
grant select, insert, update on app_hidden.notification_watermarks to bellhop_visitor;
grant select, insert, update on app_hidden.notification_receipts to bellhop_visitor;
create policy own_rows on app_hidden.notification_watermarks for all
  using (user_id = (select app_public.current_user_id()))
  with check (user_id = (select app_public.current_user_id()));
create policy own_rows on app_hidden.notification_receipts for all
  using (user_id = (select app_public.current_user_id()))
  with check (user_id = (select app_public.current_user_id()));

-- Read-state changes go through the same mailbox so that a user's other tabs
-- (on any relay) hear about them, even across a relay's reconnect.
create table app_private.user_events (
  id bigint primary key generated always as identity,
  txid xid8 not null default pg_current_xact_id(),
  user_id uuid not null references app_public.users on delete cascade,
  kind text not null check (kind in ('read', 'unread', 'all_read', 'deleted')),
  notification_ids uuid[] not null default '{}',
  up_to_created_at timestamptz,
  created_at timestamptz not null default now()
);
create index user_events_txid_idx on app_private.user_events (txid);
comment on table app_private.user_events is
  'Outbox of per-user read/delete changes for the relay; rows older than a day are pruned.';

create function app_hidden.record_user_event(p_kind text, p_ids uuid[], p_up_to_created_at timestamptz default null)
  returns void
  language sql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
  insert into app_private.user_events (user_id, kind, notification_ids, up_to_created_at)
  values (app_hidden.require_user_id(), p_kind, coalesce(p_ids, '{}'), p_up_to_created_at);
$$;
comment on function app_hidden.record_user_event(text, uuid[], timestamptz) is
  'Queues a read-state change of the signed-in user for their other tabs.';

--------------------------------------------------------------------------------
-- Read state, as seen by the signed-in user
--------------------------------------------------------------------------------

create function app_public.notifications_is_read(n app_public.notifications) returns boolean
  language sql stable
as $$
  select case
    when r.is_read is not null and r.read_set_at > coalesce(w.marked_at, '-infinity') then r.is_read
    else n.seq <= coalesce(w.read_up_to, 0)
  end
  from (select app_public.current_user_id() as user_id) me
  left join app_hidden.notification_watermarks w on w.user_id = me.user_id
  left join app_hidden.notification_receipts r on r.user_id = me.user_id and r.notification_id = n.id;
$$;
comment on function app_public.notifications_is_read(app_public.notifications) is
  'Whether the signed-in user has read this notification.';

create function app_public.get_notifications(unread_only boolean default false)
  returns setof app_public.notifications
  language sql stable
as $$
  select n.*
  from app_public.notifications n
  where app_hidden.require_user_id() is not null
    and not exists (
      select 1 from app_hidden.notification_receipts r
      where r.user_id = app_public.current_user_id() and r.notification_id = n.id and r.is_deleted
    )
    and (not coalesce(unread_only, false) or not app_public.notifications_is_read(n))
  order by n.seq desc;
$$;
comment on function app_public.get_notifications(boolean) is
  E'@simpleCollections only\n@sortable false\n@filterable false\nThe signed-in user''s notifications, newest first, without the ones they deleted. Page with first/offset; set unreadOnly to skip read ones.';

create function app_public.get_unread_count() returns int
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  with me as (
    select app_hidden.require_user_id() as user_id
  ), wm as (
    select coalesce(w.read_up_to, 0) as read_up_to, coalesce(w.marked_at, '-infinity') as marked_at
    from me left join app_hidden.notification_watermarks w on w.user_id = me.user_id
  )
  select (
    -- Above the watermark: unread unless deleted or explicitly read since.
    select count(*) from app_public.notifications n, wm
    where n.seq > wm.read_up_to
      and not exists (
        select 1 from app_hidden.notification_receipts r, me
        where r.user_id = me.user_id and r.notification_id = n.id
          and (r.is_deleted or (r.is_read and r.read_set_at > wm.marked_at))
      )
  ) + (
    -- At or below it: only what was explicitly marked unread since.
    select count(*) from app_hidden.notification_receipts r
      join app_public.notifications n on n.id = r.notification_id, me, wm
    where r.user_id = me.user_id and n.seq <= wm.read_up_to
      and not r.is_deleted and r.is_read = false and r.read_set_at > wm.marked_at
  )::int;
$$;
comment on function app_public.get_unread_count() is
  'How many of the signed-in user''s notifications are unread.';

create function app_public.mark_as_read(id uuid) returns app_public.notifications
  language plpgsql volatile strict
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.mark_as_read(uuid) is E'@omit execute\nMarks one notification as read for the signed-in user.';

create function app_public.mark_as_unread(id uuid) returns app_public.notifications
  language plpgsql volatile strict
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.mark_as_unread(uuid) is E'@omit execute\nMarks one notification as unread for the signed-in user.';

create function app_public.mark_all_as_read() returns boolean
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_user_id uuid := app_hidden.require_user_id();
  v_up_to bigint;
  v_up_to_created_at timestamptz;
begin
  select n.seq, n.created_at into v_up_to, v_up_to_created_at
    from app_public.notifications n order by n.seq desc limit 1;
  insert into app_hidden.notification_watermarks as w (user_id, read_up_to, marked_at)
    values (v_user_id, coalesce(v_up_to, 0), clock_timestamp())
    on conflict (user_id) do update
      set read_up_to = greatest(w.read_up_to, excluded.read_up_to), marked_at = excluded.marked_at;
  perform app_hidden.record_user_event('all_read', null, v_up_to_created_at);
  return true;
end;
$$;
comment on function app_public.mark_all_as_read() is
  E'@omit execute\nMarks everything as read for the signed-in user in one step, whatever the history size.';

create function app_public.delete_notification(id uuid) returns boolean
  language plpgsql volatile strict
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.delete_notification(uuid) is
  E'@omit execute\nHides a notification for the signed-in user only; everyone else still sees it.';

--------------------------------------------------------------------------------
-- CRM writes used by the API (SQL clients may write the tables directly)
--------------------------------------------------------------------------------

grant insert (first_name, last_name, email, company, status, score, owner_id) on app_public.leads to bellhop_visitor;
grant update (first_name, last_name, email, company, status, score) on app_public.leads to bellhop_visitor;
grant insert (lead_id, title) on app_public.tasks to bellhop_visitor;
grant update (title, completed_at) on app_public.tasks to bellhop_visitor;
grant insert (lead_id, body) on app_public.comments to bellhop_visitor;

create function app_public.create_lead(first_name text, last_name text, email text, company text default null)
  returns app_public.leads
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.create_lead(text, text, text, text) is
  E'@omit execute\nAdds a lead to the pipeline and notifies everyone.';

create function app_public.create_task(lead_id int, title text) returns app_public.tasks
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_task app_public.tasks;
begin
  perform app_hidden.require_user_id();
  insert into app_public.tasks (lead_id, title) values (create_task.lead_id, btrim(create_task.title))
    returning * into v_task;
  return v_task;
end;
$$;
comment on function app_public.create_task(int, text) is E'@omit execute\nAdds an open task to a lead.';

create function app_public.complete_task(id int) returns app_public.tasks
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.complete_task(int) is
  E'@omit execute\nCompletes a task and notifies everyone; completing it again changes nothing.';

create function app_public.add_comment(lead_id int, body text) returns app_public.comments
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_comment app_public.comments;
begin
  perform app_hidden.require_user_id();
  insert into app_public.comments (lead_id, body) values (add_comment.lead_id, add_comment.body)
    returning * into v_comment;
  return v_comment;
end;
$$;
comment on function app_public.add_comment(int, text) is E'@omit execute\nAdds a comment to a lead and notifies everyone.';

create function app_public.update_lead_score(id int, score int) returns app_public.leads
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.update_lead_score(int, int) is
  E'@omit execute\nSets a lead''s activity score (0 to 100) and notifies everyone if it changed.';

--------------------------------------------------------------------------------
-- The doorbell
--------------------------------------------------------------------------------

-- Relays register here. Writers ring (pg_notify) only when some relay may be
-- asleep: NOTIFY takes a cluster-wide lock at commit, so skipping it while
-- every relay is already draining keeps group commit working under load.
-- Unlogged: this is live process state, worthless after a crash.
create unlogged table app_private.relays (
  id uuid primary key,
  draining boolean not null default false,
  heartbeat_at timestamptz not null default now()
);
comment on table app_private.relays is
  'Live relay processes. draining = true means "polling right now, no need to ring".';

create function app_private.ring_doorbell(p_source text) returns void
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  if not exists (
    select 1 from app_private.relays
    where draining and heartbeat_at > now() - interval '30 seconds'
  ) or exists (
    select 1 from app_private.relays
    where not draining or heartbeat_at <= now() - interval '30 seconds'
  ) then
    perform pg_notify('bellhop_notifications', p_source);
  end if;
end;
$$;
comment on function app_private.ring_doorbell(text) is
  'NOTIFY bellhop_notifications (payload: the table name) unless every registered relay is awake and draining.';

create function app_private.tg__ring_doorbell() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  perform app_private.ring_doorbell(tg_table_name);
  return null;
end;
$$;
comment on function app_private.tg__ring_doorbell() is
  'Statement-level: one doorbell per INSERT, multi-row INSERT or COPY.';

create trigger _900_ring_doorbell after insert on app_public.notifications
  for each statement execute function app_private.tg__ring_doorbell();
create trigger _900_ring_doorbell after insert on app_private.user_events
  for each statement execute function app_private.tg__ring_doorbell();

--------------------------------------------------------------------------------
-- Notification triggers on the CRM tables
--------------------------------------------------------------------------------

-- Messages are clipped so that no name, however long, can break a write.
create function app_private.clip(p_text text, p_max int default 200) returns text
  language sql immutable parallel safe
  set search_path to pg_catalog, public, pg_temp
as $$
  select case when length(p_text) > p_max then left(p_text, p_max - 1) || '…' else p_text end;
$$;
comment on function app_private.clip(text, int) is 'Shortens text to p_max characters with an ellipsis.';

create function app_private.tg_leads__notify_created() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.notifications (type, title, message, related_lead_id)
  select 'lead_created', 'New Lead Created',
         app_private.clip(l.first_name || ' ' || l.last_name) || ' added to pipeline', l.id
  from new_leads l
  order by l.id;
  return null;
end;
$$;
comment on function app_private.tg_leads__notify_created() is
  'One lead_created notification per inserted lead, for any INSERT or COPY.';
create trigger _500_notify_created after insert on app_public.leads
  referencing new table as new_leads
  for each statement execute function app_private.tg_leads__notify_created();

create function app_private.tg_leads__notify_score_updated() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.notifications (type, title, message, related_lead_id)
  select 'score_updated', 'Lead Score Updated',
         app_private.clip(n.first_name || ' ' || n.last_name) || ' score changed from ' || o.score || ' to ' || n.score, n.id
  from new_leads n join old_leads o on o.id = n.id
  where n.score is distinct from o.score
  order by n.id;
  return null;
end;
$$;
comment on function app_private.tg_leads__notify_score_updated() is
  'One score_updated notification per lead whose score changed.';
create trigger _500_notify_score_updated after update on app_public.leads
  referencing new table as new_leads old table as old_leads
  for each statement execute function app_private.tg_leads__notify_score_updated();

create function app_private.tg_tasks__notify_completed() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  -- Transition tables differ by operation, so each gets its own statement.
  if tg_op = 'INSERT' then
    insert into app_public.notifications (type, title, message, related_lead_id)
    select 'task_completed', 'Task Completed',
           '"' || app_private.clip(t.title, 120) || '" completed for ' || app_private.clip(l.first_name || ' ' || l.last_name),
           t.lead_id
    from new_tasks t join app_public.leads l on l.id = t.lead_id
    where t.completed_at is not null
    order by t.id;
  else
    insert into app_public.notifications (type, title, message, related_lead_id)
    select 'task_completed', 'Task Completed',
           '"' || app_private.clip(t.title, 120) || '" completed for ' || app_private.clip(l.first_name || ' ' || l.last_name),
           t.lead_id
    from new_tasks t join old_tasks o on o.id = t.id join app_public.leads l on l.id = t.lead_id
    where t.completed_at is not null and o.completed_at is null
    order by t.id;
  end if;
  return null;
end;
$$;
comment on function app_private.tg_tasks__notify_completed() is
  'One task_completed notification per task that is inserted completed or becomes completed.';
create trigger _500_notify_completed_on_insert after insert on app_public.tasks
  referencing new table as new_tasks
  for each statement execute function app_private.tg_tasks__notify_completed();
create trigger _500_notify_completed_on_update after update on app_public.tasks
  referencing new table as new_tasks old table as old_tasks
  for each statement execute function app_private.tg_tasks__notify_completed();

create function app_private.tg_comments__notify_added() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.notifications (type, title, message, related_lead_id)
  select 'comment_added', 'New Comment',
         coalesce(app_private.clip(u.name, 100), 'Someone') || ' commented on '
           || app_private.clip(l.first_name || ' ' || l.last_name) || ': ' || app_private.clip(c.body, 140),
         c.lead_id
  from new_comments c
  join app_public.leads l on l.id = c.lead_id
  left join app_public.users u on u.id = c.author_id
  order by c.id;
  return null;
end;
$$;
comment on function app_private.tg_comments__notify_added() is
  'One comment_added notification per inserted comment.';
create trigger _500_notify_added after insert on app_public.comments
  referencing new table as new_comments
  for each statement execute function app_private.tg_comments__notify_added();

--------------------------------------------------------------------------------
-- The relay's view of the mailbox
--------------------------------------------------------------------------------

-- The exact JSON the GraphQL Notification type returns, so socket payloads
-- and API results are identical (timestamps formatted as PostGraphile does).
create function app_private.notification_payload(n app_public.notifications) returns jsonb
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
    'createdAt', to_char(n.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM'),
    'updatedAt', to_char(n.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM')
  );
$$;
comment on function app_private.notification_payload(app_public.notifications) is
  'A notification as the socket event notification:created carries it.';

-- Everything committed since the caller's horizon. Rows from transactions
-- older than the returned horizon are final: none can still appear below it.
-- Rows at or above it may be returned again next time; the relay skips the
-- ones it already sent.
create function app_private.relay_drain(p_since xid8, p_limit int default 5000)
  returns table (horizon xid8, source text, txid xid8, row_id text, user_id uuid, payload jsonb)
  language sql stable
  set search_path to pg_catalog, public, pg_temp
as $$
  with h as (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
  select * from (
    (select h.horizon, 'notification', n.txid, n.id::text, null::uuid, app_private.notification_payload(n)
       from app_public.notifications n, h
       where n.txid >= p_since
       order by n.txid, n.seq
       limit p_limit)
    union all
    (select h.horizon, 'user_event', e.txid, e.id::text, e.user_id,
            jsonb_build_object('kind', e.kind, 'ids', e.notification_ids,
                               'upToCreatedAt', to_char(e.up_to_created_at, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM'))
       from app_private.user_events e, h
       where e.txid >= p_since
       order by e.txid, e.id
       limit p_limit)
  ) rows
  union all
  -- Always one row, so the caller learns the horizon even when nothing is new.
  select h.horizon, 'horizon', null, null, null, null from h;
$$;
comment on function app_private.relay_drain(xid8, int) is
  'The relay''s cursor read: new notifications and user events since p_since, plus the current horizon.';

create function app_private.relay_heartbeat(p_relay_id uuid, p_draining boolean) returns void
  language sql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
  insert into app_private.relays (id, draining, heartbeat_at) values (p_relay_id, p_draining, now())
    on conflict (id) do update set draining = excluded.draining, heartbeat_at = excluded.heartbeat_at;
$$;
comment on function app_private.relay_heartbeat(uuid, boolean) is
  'A relay says it is alive and whether it is draining (polling, so writers need not ring).';

create function app_private.relay_prune() returns void
  language sql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
  -- Relays that died without saying goodbye, and user events every relay has long read.
  delete from app_private.relays where heartbeat_at < now() - interval '5 minutes';
  delete from app_private.user_events where created_at < now() - interval '1 day';
$$;
comment on function app_private.relay_prune() is 'Housekeeping the relays run every minute.';

--------------------------------------------------------------------------------
-- Privileges for the visitor: the API functions, nothing in app_private.
--------------------------------------------------------------------------------

grant execute on all functions in schema app_public to bellhop_visitor;
grant execute on function app_hidden.require_user_id() to bellhop_visitor;
grant execute on function app_hidden.record_user_event(text, uuid[], timestamptz) to bellhop_visitor;
