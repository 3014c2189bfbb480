--! Previous: sha1:a17f49701cdef2abda8b50413ba72cc2819e9310
--! Hash: sha1:d5846a38ab28affbe304a982281eeceb7c8cb120
--! Message: Recipients, following and preferences; one doorbell with a lock; length limits; checked direct writes

--------------------------------------------------------------------------------
-- SQL returns rows; the wire format lives in TypeScript (contract/src/rows.ts)
--------------------------------------------------------------------------------

-- The relay now reads plain columns and shapes them itself.
drop function if exists app_private.notification_payload(app_public.notifications);

--------------------------------------------------------------------------------
-- One doorbell: every insert into notifications rings through one trigger,
-- whatever wrote it, so a new notification trigger needs no doorbell code.
--------------------------------------------------------------------------------

-- The doorbell is checked on every write, so it costs no query: a relay that
-- may be asleep holds shared advisory locks on this key for as long as it
-- sleeps (on its LISTEN session; a relay that dies lets go at once). If a
-- writer can take one exclusively, every relay is awake and polling, and the
-- NOTIFY (with its cluster-wide commit lock) is skipped. The lock comes in
-- slots (object keys 1 to doorbell_slots()), a sleeping relay holding every
-- one and each writer trying the one its backend pid picks: two writers
-- trying at the same instant would otherwise see each other's lock, take it
-- for a sleeping relay, and ring for nothing (measured: 0.9% of inserts at 32
-- writers with no relay at all, each taking that commit lock).
create or replace function app_private.doorbell_lock_key() returns int
  language sql immutable parallel safe
as $$
  select 1650943087;
$$;
comment on function app_private.doorbell_lock_key() is
  'The advisory lock class key (object keys 1 to doorbell_slots()) that sleeping relays hold shared. pg_locks shows who holds it.';

create or replace function app_private.doorbell_slots() returns int
  language sql immutable parallel safe
as $$
  select 32;
$$;
comment on function app_private.doorbell_slots() is
  'How many object keys the doorbell lock has: a sleeping relay holds all of them, a writer tries one.';

create or replace function app_private.doorbell_sleep() returns void
  language sql volatile
as $$
  select pg_catalog.pg_advisory_lock_shared(app_private.doorbell_lock_key(), slot)
  from pg_catalog.generate_series(1, app_private.doorbell_slots()) slot;
$$;
comment on function app_private.doorbell_sleep() is
  'A relay about to sleep: from now on writers ring (NOTIFY). Holds every doorbell slot shared, on this session.';

create or replace function app_private.doorbell_wake() returns void
  language sql volatile
as $$
  select pg_catalog.pg_advisory_unlock_shared(app_private.doorbell_lock_key(), slot)
  from pg_catalog.generate_series(1, app_private.doorbell_slots()) slot;
$$;
comment on function app_private.doorbell_wake() is
  'A relay that polls from now on: writers need not ring for it. Lets go of every doorbell slot.';

-- Not security definer, and no SET clause (it costs more than the rest): it calls only built-ins.
create or replace function app_private.tg__ring_doorbell() returns trigger
  language plpgsql volatile
as $$
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
comment on function app_private.tg__ring_doorbell() is
  'Statement-level, after INSERT or COPY into notifications or user_events: NOTIFY bellhop_notifications (payload: the table name) while some relay sleeps (holds the doorbell lock shared).';

drop trigger if exists _900_after_insert on app_public.notifications;
drop function if exists app_private.tg_notifications__after_insert();


drop trigger if exists _900_ring_doorbell on app_public.notifications;
create trigger _900_ring_doorbell after insert on app_public.notifications
  for each statement execute function app_private.tg__ring_doorbell();
drop trigger if exists _900_ring_doorbell on app_private.user_events;
create trigger _900_ring_doorbell after insert on app_private.user_events
  for each statement execute function app_private.tg__ring_doorbell();

drop function if exists app_private.ring_doorbell(text);

--------------------------------------------------------------------------------
-- Lengths: every text a person types has a limit, checked by the table itself
-- (so psql and ETL writes are held to it too). NOT VALID: rows written before
-- this migration are kept as they are; see docs/dba.md to validate them.
--------------------------------------------------------------------------------

alter table app_public.leads drop constraint if exists leads_first_name_length;
alter table app_public.leads add constraint leads_first_name_length check (length(first_name) <= 200) not valid;
alter table app_public.leads drop constraint if exists leads_last_name_length;
alter table app_public.leads add constraint leads_last_name_length check (length(last_name) <= 200) not valid;
alter table app_public.leads drop constraint if exists leads_email_length;
alter table app_public.leads add constraint leads_email_length check (length(email) <= 320) not valid;
alter table app_public.leads drop constraint if exists leads_company_length;
alter table app_public.leads add constraint leads_company_length check (length(company) <= 200) not valid;
alter table app_public.tasks drop constraint if exists tasks_title_length;
alter table app_public.tasks add constraint tasks_title_length check (length(title) <= 500) not valid;
alter table app_public.comments drop constraint if exists comments_body_length;
alter table app_public.comments add constraint comments_body_length check (length(body) <= 10000) not valid;
alter table app_public.users drop constraint if exists users_email_length;
alter table app_public.users add constraint users_email_length check (length(email) <= 320) not valid;

comment on column app_public.leads.first_name is 'First name; required, at most 200 characters.';
comment on column app_public.leads.last_name is 'Last name; required, at most 200 characters.';
comment on column app_public.leads.email is 'Contact email; must look like an email address, at most 320 characters.';
comment on column app_public.leads.company is 'Company the lead works for, if known; at most 200 characters.';
comment on column app_public.tasks.title is 'What needs doing; at most 500 characters.';
comment on column app_public.comments.body is 'The text of the comment; at most 10,000 characters.';
comment on column app_public.users.email is 'Email address used to sign in; unique, case-insensitive, at most 320 characters.';
comment on column app_public.users.name is 'Display name; 1 to 200 characters.';

--------------------------------------------------------------------------------
-- Accounts: operators and DBAs add users; self-service sign-up can be closed.
--------------------------------------------------------------------------------

create or replace function app_private.create_user(email text, name text, password text) returns uuid
  language plpgsql volatile strict security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
$$;
comment on function app_private.create_user(text, text, text) is
  'Adds a user with a password (bcrypt, cost 10) and returns its id: for DBAs and `npm run user:add`, whatever REGISTRATION says. Example: select app_private.create_user(''ana@example.com'', ''Ana'', ''a-long-password'');';

create or replace function app_public.register(email text, password text, name text) returns app_public.jwt_token
  language plpgsql volatile strict security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  -- The server passes REGISTRATION as this setting; psql sessions have none (DBAs use create_user).
  if current_setting('bellhop.registration', true) = 'closed' then
    raise exception 'Sign-up is closed on this server: ask an administrator to add your account.' using errcode = '42501';
  end if;
  return app_private.issue_token(app_private.create_user(email, name, password));
end;
$$;
comment on function app_public.register(text, text, text) is
  'Creates an account and returns a JWT, unless sign-up is closed (REGISTRATION=closed). The password needs at least 8 characters; it is stored as a bcrypt hash (cost 10).';

--------------------------------------------------------------------------------
-- A notification you deleted is gone for you: no read or mutation finds it.
--------------------------------------------------------------------------------

drop policy if exists select_signed_in on app_public.notifications;
drop policy if exists select_own on app_public.notifications;
create policy select_own on app_public.notifications for select
  using (
    (select app_public.current_user_id()) is not null
    and not exists (
      select 1 from app_hidden.notification_receipts r
      where r.user_id = (select app_public.current_user_id()) and r.notification_id = notifications.id and r.is_deleted
    )
  );

--------------------------------------------------------------------------------
-- One message per kind of error: a missing lead is "No lead with id N." on
-- every path, not a foreign-key message on some.
--------------------------------------------------------------------------------

create or replace function app_hidden.require_lead(p_lead_id int) returns int
  language plpgsql stable
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  if p_lead_id is null or not exists (select 1 from app_public.leads l where l.id = p_lead_id) then
    raise exception 'No lead with id %.', coalesce(p_lead_id::text, 'null') using errcode = 'P0002';
  end if;
  return p_lead_id;
end;
$$;
comment on function app_hidden.require_lead(int) is 'The lead id, or the one error for a lead that does not exist.';
grant execute on function app_hidden.require_lead(int) to bellhop_visitor;

create or replace function app_public.add_comment(lead_id int, body text) returns app_public.comments
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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

--------------------------------------------------------------------------------
-- Recipients: each notification reaches the people it concerns.
--
-- A broadcast is one row with recipient_id null (lead_created). A targeted
-- notification is one row per recipient ("fan-out on write"), so read state,
-- row-level security and counting stay per row, and a DBA can see who got what.
-- Preferences apply when a notification is written: a type switched off is
-- not delivered to you while it is off (no row for you, or for a broadcast a
-- "hidden" receipt), so what a socket received always matches your list.
--------------------------------------------------------------------------------

create table if not exists app_public.notification_types (
  type text primary key,
  label text not null,
  description text not null,
  position int not null default 100,
  constraint notification_types_type_format check (type ~ '^[a-z][a-z0-9_]{0,49}$')
);
comment on table app_public.notification_types is
  'The kinds of notification. Add a row (in a migration) before a trigger writes a new type; each user can switch each type off.';
comment on column app_public.notification_types.type is 'The type as notifications.type stores it, e.g. comment_added.';
comment on column app_public.notification_types.label is 'What the settings page calls it, e.g. "Comments on your leads".';
comment on column app_public.notification_types.description is 'Who receives it and when.';
comment on column app_public.notification_types.position is 'Order on the settings page.';
insert into app_public.notification_types (type, label, description, position) values
  ('lead_created', 'New leads', 'Anyone adds a lead to the pipeline (sent to everyone).', 10),
  ('lead_assigned', 'Leads assigned to you', 'A lead becomes yours.', 20),
  ('task_completed', 'Completed tasks', 'A task is completed on a lead you own or follow, or that was assigned to you.', 30),
  ('score_updated', 'Score changes', 'The score of a lead you own or follow changes.', 40),
  ('comment_added', 'Comments and mentions', 'Someone comments on a lead you own or follow, or @mentions you.', 50)
on conflict (type) do update set label = excluded.label, description = excluded.description, position = excluded.position;
alter table app_public.notification_types enable row level security;
drop policy if exists select_signed_in on app_public.notification_types;
create policy select_signed_in on app_public.notification_types for select using ((select app_public.current_user_id()) is not null);
grant select on app_public.notification_types to bellhop_visitor;

-- Types live in notification_types now; direct writes are checked against it (below).
alter table app_public.notifications drop constraint if exists notifications_type_valid;

alter table app_public.notifications add column if not exists recipient_id uuid;
alter table app_public.notifications add column if not exists actor_id uuid;
comment on column app_public.notifications.recipient_id is 'Who this notification is for; null for a broadcast to everyone.';
comment on column app_public.notifications.actor_id is 'Who caused it (the GraphQL caller or the comment''s author); null when unknown, e.g. a write from psql.';
comment on column app_public.notifications.type is 'One of app_public.notification_types: lead_created, lead_assigned, task_completed, score_updated, comment_added, or one a DBA added.';
comment on table app_public.notifications is E'@omit create,update,delete,all,many\n@foreignKey (related_lead_id) references app_public.leads (id)\n@foreignKey (recipient_id) references app_public.users (id)\n@foreignKey (actor_id) references app_public.users (id)\nA notification: to one user (recipient_id), or to everyone (recipient_id null). Read and deleted state are per user.';
-- Only targeted rows get an entry: a broadcast (the busiest write) costs no extra index work.
create index if not exists notifications_recipient_seq_idx on app_public.notifications (recipient_id, seq) where recipient_id is not null;

create table if not exists app_public.lead_followers (
  lead_id int not null references app_public.leads on delete cascade,
  user_id uuid not null references app_public.users on delete cascade,
  created_at timestamptz not null default now(),
  primary key (lead_id, user_id)
);
create index if not exists lead_followers_user_id_idx on app_public.lead_followers (user_id);
comment on table app_public.lead_followers is
  E'@omit create,update,delete\nWho follows which lead: they get its task, score and comment notifications. Owners, commenters, creators and task assignees follow automatically.';
comment on column app_public.lead_followers.lead_id is 'The lead followed.';
comment on column app_public.lead_followers.user_id is 'The user who follows it.';
comment on column app_public.lead_followers.created_at is 'Since when.';
alter table app_public.lead_followers enable row level security;
drop policy if exists select_signed_in on app_public.lead_followers;
create policy select_signed_in on app_public.lead_followers for select using ((select app_public.current_user_id()) is not null);
drop policy if exists manage_own on app_public.lead_followers;
create policy manage_own on app_public.lead_followers for all
  using (user_id = (select app_public.current_user_id())) with check (user_id = (select app_public.current_user_id()));
grant select, insert, delete on app_public.lead_followers to bellhop_visitor;

alter table app_public.tasks add column if not exists assignee_id uuid references app_public.users on delete set null;
create index if not exists tasks_assignee_id_idx on app_public.tasks (assignee_id);
comment on column app_public.tasks.assignee_id is 'Who does the task, if anyone; they follow the lead and hear when the task is completed.';
grant insert (assignee_id), update (assignee_id) on app_public.tasks to bellhop_visitor;
grant update (owner_id) on app_public.leads to bellhop_visitor;

create table if not exists app_public.notification_preferences (
  user_id uuid not null references app_public.users on delete cascade,
  type text not null references app_public.notification_types on delete cascade,
  in_app boolean not null default true,
  toast boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (user_id, type)
);
comment on table app_public.notification_preferences is
  E'@omit create,update,delete,all,many\nWhat one user wants of one type. No row means both on.';
comment on column app_public.notification_preferences.user_id is 'Whose preference.';
comment on column app_public.notification_preferences.type is 'The notification type.';
comment on column app_public.notification_preferences.in_app is 'Off: notifications of this type are not delivered to you while it is off (not listed, counted or pushed).';
comment on column app_public.notification_preferences.toast is 'Off: still listed, counted and pushed, but no pop-up.';
comment on column app_public.notification_preferences.updated_at is 'When it last changed.';
alter table app_public.notification_preferences enable row level security;
drop policy if exists own_rows on app_public.notification_preferences;
create policy own_rows on app_public.notification_preferences for all
  using (user_id = (select app_public.current_user_id())) with check (user_id = (select app_public.current_user_id()));
grant select, insert, update on app_public.notification_preferences to bellhop_visitor;
-- The routing reads who switched what off, per type.
create index if not exists notification_preferences_off_idx on app_public.notification_preferences (type, user_id) where not in_app;

--------------------------------------------------------------------------------
-- Routing helpers: who a lead's notifications go to. SQL, so any writer
-- (GraphQL, psql, COPY, an ETL job) is routed the same way. No SET clause:
-- the planner then inlines them into the triggers' queries (they run inside
-- security definer triggers, which set the search_path).
--------------------------------------------------------------------------------

create or replace function app_private.lead_audience(p_lead_id int) returns setof uuid
  language sql stable
as $$
  select l.owner_id from app_public.leads l where l.id = p_lead_id and l.owner_id is not null
  union
  select f.user_id from app_public.lead_followers f where f.lead_id = p_lead_id;
$$;
comment on function app_private.lead_audience(int) is 'The people a lead concerns: its owner and its followers.';

create or replace function app_private.mentioned_users(p_body text) returns setof uuid
  language sql stable
as $$
  -- "@" then an email address; matched against users without regard to case. At most 50 per comment.
  select distinct u.id
  from (
    select m[1] as email
    from regexp_matches(p_body, '@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})', 'g') m
    limit 50
  ) mention
  join app_public.users u on u.email = mention.email::citext;
$$;
comment on function app_private.mentioned_users(text) is 'Users @mentioned in a text, as @their-email@example.com (case does not matter).';

create or replace function app_private.wants(p_user_id uuid, p_type text) returns boolean
  language sql stable
as $$
  select not exists (
    select 1 from app_public.notification_preferences p
    where p.user_id = p_user_id and p.type = p_type and not p.in_app
  );
$$;
comment on function app_private.wants(uuid, text) is 'False when the user switched this type off (in_app = false).';

create or replace function app_private.user_name(p_user_id uuid) returns text
  language sql stable
as $$
  select app_private.clip(u.name, 100) from app_public.users u where u.id = p_user_id;
$$;
comment on function app_private.user_name(uuid) is 'A user''s name for a notification message, or null.';

--------------------------------------------------------------------------------
-- The CRM triggers: each writes its notification rows, one per recipient.
-- The actor (the GraphQL caller, or the comment's author) is never a
-- recipient; a psql write has no actor and excludes nobody.
--------------------------------------------------------------------------------

-- How many (user, type) pairs are switched off, readable without a query:
-- the write path checks it on every new lead, and almost always it is 0.
create sequence if not exists app_private.switched_off_count minvalue 0 start 0;
comment on sequence app_private.switched_off_count is
  'The number of notification_preferences rows with in_app off (kept by a trigger), so writers can skip hiding broadcasts without a query.';

create or replace function app_private.tg_notification_preferences__count_switched_off() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  perform setval('app_private.switched_off_count', (select count(*) from app_public.notification_preferences p where not p.in_app), true);
  return null;
end;
$$;
comment on function app_private.tg_notification_preferences__count_switched_off() is
  'Statement-level: keeps app_private.switched_off_count equal to the number of types switched off.';
drop trigger if exists _900_count_switched_off on app_public.notification_preferences;
create trigger _900_count_switched_off after insert or update or delete or truncate on app_public.notification_preferences
  for each statement execute function app_private.tg_notification_preferences__count_switched_off();

create or replace function app_private.hide_switched_off_broadcast(p_notification_id uuid, p_type text) returns void
  language sql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
  insert into app_hidden.notification_receipts as r (user_id, notification_id, is_deleted)
  select p.user_id, p_notification_id, true
  from app_public.notification_preferences p
  where p.type = p_type and not p.in_app
  on conflict (user_id, notification_id) do update set is_deleted = true;
$$;
comment on function app_private.hide_switched_off_broadcast(uuid, text) is
  'Hides a new broadcast from the users who switched its type off. A trigger that writes broadcasts of a new type calls it (docs/dba.md).';

-- One row trigger for a new lead, not three: this is the busiest write, and
-- each trigger on it costs the writer a call whether or not it does anything.
create or replace function app_private.tg_leads__route_new_lead() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_leads__route_new_lead() is
  'Per inserted lead (any INSERT or COPY): a lead_created broadcast; its owner, if any, follows it and gets lead_assigned.';

drop trigger if exists _500_notify_created on app_public.leads;
drop trigger if exists _500_notify_assigned_on_insert on app_public.leads;
drop trigger if exists _600_follow_owner_on_insert on app_public.leads;
drop function if exists app_private.tg_leads__notify_created();
drop trigger if exists _500_route_new_lead on app_public.leads;
create trigger _500_route_new_lead after insert on app_public.leads
  for each row execute function app_private.tg_leads__route_new_lead();

create or replace function app_private.tg_leads__notify_score_updated() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_leads__notify_score_updated() is
  'One score_updated notification per lead whose score changed, to its owner and followers.';

create or replace function app_private.route_lead_owner(p_lead app_public.leads) returns void
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.route_lead_owner(app_public.leads) is
  'A lead has a new owner: they follow it, and get lead_assigned unless they did it themselves.';

create or replace function app_private.tg_leads__route_new_owner() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  perform app_private.route_lead_owner(new);
  return null;
end;
$$;
comment on function app_private.tg_leads__route_new_owner() is 'When a lead''s owner changes: see route_lead_owner.';
drop trigger if exists _500_notify_assigned_on_update on app_public.leads;
drop trigger if exists _600_follow_owner_on_update on app_public.leads;
drop function if exists app_private.tg_leads__notify_assigned();
drop trigger if exists _500_route_new_owner on app_public.leads;
create trigger _500_route_new_owner after update of owner_id on app_public.leads
  for each row when (new.owner_id is not null and new.owner_id is distinct from old.owner_id)
  execute function app_private.tg_leads__route_new_owner();

create or replace function app_private.tg_tasks__notify_completed() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_tasks__notify_completed() is
  'One task_completed notification per completed task, to the lead''s owner and followers and the task''s assignee.';

create or replace function app_private.tg_comments__notify_added() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_comments__notify_added() is
  'One comment_added notification per comment and recipient: the lead''s owner and followers and everyone @mentioned, never the author.';

--------------------------------------------------------------------------------
-- Following: owners, commenters and task assignees follow the lead.
--------------------------------------------------------------------------------

drop function if exists app_private.tg_leads__follow_owner();

create or replace function app_private.tg_comments__follow_author() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.lead_followers (lead_id, user_id) values (new.lead_id, new.author_id) on conflict do nothing;
  return null;
end;
$$;
comment on function app_private.tg_comments__follow_author() is 'Whoever comments on a lead follows it.';
drop trigger if exists _600_follow_author on app_public.comments;
create trigger _600_follow_author after insert on app_public.comments
  for each row when (new.author_id is not null)
  execute function app_private.tg_comments__follow_author();

create or replace function app_private.tg_tasks__follow_assignee() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.lead_followers (lead_id, user_id) values (new.lead_id, new.assignee_id) on conflict do nothing;
  return null;
end;
$$;
comment on function app_private.tg_tasks__follow_assignee() is 'Whoever is assigned a task on a lead follows the lead.';
drop trigger if exists _600_follow_assignee_on_insert on app_public.tasks;
create trigger _600_follow_assignee_on_insert after insert on app_public.tasks
  for each row when (new.assignee_id is not null)
  execute function app_private.tg_tasks__follow_assignee();
drop trigger if exists _600_follow_assignee_on_update on app_public.tasks;
create trigger _600_follow_assignee_on_update after update of assignee_id on app_public.tasks
  for each row when (new.assignee_id is not null and new.assignee_id is distinct from old.assignee_id)
  execute function app_private.tg_tasks__follow_assignee();

--------------------------------------------------------------------------------
-- The notifications table's own triggers
--------------------------------------------------------------------------------

-- Rows written straight to the table (psql, an ETL job) are checked as foreign
-- keys would check them; rows Bellhop's triggers write (depth 1) name rows
-- they just read. A foreign key would cost every CRM write a lookup and a
-- row lock; this costs nothing there.
drop trigger if exists _100_check_related_lead on app_public.notifications;
drop function if exists app_private.tg_notifications__check_related_lead();

create or replace function app_private.tg_notifications__check_direct_writes() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_notifications__check_direct_writes() is
  'Statement-level, after a direct INSERT or UPDATE of notifications: every type, related lead, recipient and actor must exist; a new broadcast is hidden from those who switched its type off.';
drop trigger if exists _100_check_direct_inserts on app_public.notifications;
create trigger _100_check_direct_inserts after insert on app_public.notifications
  referencing new table as new_rows
  for each statement when (pg_trigger_depth() < 1)
  execute function app_private.tg_notifications__check_direct_writes();
drop trigger if exists _100_check_direct_updates on app_public.notifications;
create trigger _100_check_direct_updates after update on app_public.notifications
  referencing new table as new_rows
  for each statement when (pg_trigger_depth() < 1)
  execute function app_private.tg_notifications__check_direct_writes();

drop trigger if exists _700_hide_switched_off on app_public.notifications;
drop function if exists app_private.tg_notifications__hide_switched_off();
drop function if exists app_private.anyone_switched_off();

-- Deleting a user deletes the notifications addressed to them; as an actor they become unknown.
create or replace function app_private.tg_users__forget_in_notifications() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  delete from app_public.notifications n using old_users o where n.recipient_id = o.id;
  update app_public.notifications n set actor_id = null from old_users o where n.actor_id = o.id;
  return null;
end;
$$;
comment on function app_private.tg_users__forget_in_notifications() is
  'After users are deleted: their notifications go, and notifications they caused no longer name them.';
drop trigger if exists _900_forget_in_notifications on app_public.users;
create trigger _900_forget_in_notifications after delete on app_public.users
  referencing old table as old_users
  for each statement execute function app_private.tg_users__forget_in_notifications();

--------------------------------------------------------------------------------
-- Counting for getUnreadCount: per recipient and chunk of seq (a broadcast
-- counts under the all-zero uuid), so a user's count adds their own chunks
-- and the broadcast ones.
--------------------------------------------------------------------------------

create or replace function app_private.recipient_key(p_recipient_id uuid) returns uuid
  language sql immutable parallel safe
as $$
  select coalesce(p_recipient_id, '00000000-0000-0000-0000-000000000000'::uuid);
$$;
comment on function app_private.recipient_key(uuid) is 'The key counts are kept under: the recipient, or the all-zero uuid for broadcasts.';

alter table app_private.notification_counts add column if not exists recipient_key uuid not null default '00000000-0000-0000-0000-000000000000';
do $$
begin
  if (select count(*) from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = 'app_private.notification_counts'::regclass and i.indisprimary) = 1 then
    alter table app_private.notification_counts drop constraint notification_counts_pkey;
    alter table app_private.notification_counts add constraint notification_counts_pkey primary key (recipient_key, chunk);
  end if;
end;
$$;
comment on table app_private.notification_counts is
  'Per recipient (all-zero uuid: broadcasts) and chunk of seq: how many notifications written by transactions below notification_counts_state.horizon exist.';

create or replace function app_private.refresh_notification_counts(p_max_rows integer default 50000) returns bigint
  language plpgsql
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

create or replace function app_private.tg_notifications__count_old_txids() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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

comment on function app_private.tg_notifications__count_old_txids() is
  'Statement-level, after a direct INSERT or COPY into notifications: counts rows written with an old txid, which the periodic count refresh would never reach.';

drop trigger if exists _800_count_old_txids on app_public.notifications;
-- Rows written by Bellhop's own triggers (depth 1) always carry their writer's txid.
create trigger _800_count_old_txids after insert on app_public.notifications
  referencing new table as new_notifications
  for each statement when (pg_trigger_depth() < 1)
  execute function app_private.tg_notifications__count_old_txids();

create or replace function app_private.tg_notifications__uncount_deleted() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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

create or replace function app_private.tg_notifications__recount_updated() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_notifications__recount_updated() is 'Moves a notification whose seq, txid or recipient changed between counts.';
drop trigger if exists _800_recount_updated on app_public.notifications;
create trigger _800_recount_updated after update of seq, txid, recipient_id on app_public.notifications
  for each row when (old.seq is distinct from new.seq or old.txid is distinct from new.txid or old.recipient_id is distinct from new.recipient_id)
  execute function app_private.tg_notifications__recount_updated();

create or replace function app_hidden.count_notifications_after(p_seq bigint) returns bigint
  language plpgsql stable security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_hidden.count_notifications_after(bigint) is
  'How many of the signed-in user''s notifications (theirs and broadcasts) have seq > p_seq: exact, in time that grows with the number of chunks, not rows.';

--------------------------------------------------------------------------------
-- Reading: your notifications are the broadcasts and the ones addressed to you.
--------------------------------------------------------------------------------

drop policy if exists select_own on app_public.notifications;
create policy select_own on app_public.notifications for select
  using (
    (select app_public.current_user_id()) is not null
    and (recipient_id is null or recipient_id = (select app_public.current_user_id()))
    and not exists (
      select 1 from app_hidden.notification_receipts r
      where r.user_id = (select app_public.current_user_id()) and r.notification_id = notifications.id and r.is_deleted
    )
  );

drop function if exists app_public.get_notifications(boolean);
drop function if exists app_public.get_notifications(boolean, text[], boolean);
-- No SET clause: the planner must inline it, so that first/offset reach the index scan.
create function app_public.get_notifications(unread_only boolean default false, types text[] default null, for_me boolean default false)
  returns setof app_public.notifications
  language sql stable
as $$
  select n.*
  from app_public.notifications n
  where app_hidden.require_user_id() is not null
    and (n.recipient_id = app_public.current_user_id() or (n.recipient_id is null and not coalesce(for_me, false)))
    and (types is null or n.type = any(types))
    and (not coalesce(unread_only, false) or not app_public.notifications_is_read(n))
  order by n.seq desc;
$$;
comment on function app_public.get_notifications(boolean, text[], boolean) is
  E'@simpleCollections only\nThe signed-in user''s notifications (broadcasts and those addressed to them), newest first, without the ones they deleted. Page with first/offset; unreadOnly skips read ones; types keeps only those types; forMe keeps only those addressed to you (no broadcasts).';
grant execute on function app_public.get_notifications(boolean, text[], boolean) to bellhop_visitor;

create or replace function app_public.get_unread_count() returns integer
  language sql stable security definer
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
comment on function app_public.get_unread_count() is 'How many of the signed-in user''s notifications are unread.';

--------------------------------------------------------------------------------
-- The API for following, assigning and preferences
--------------------------------------------------------------------------------

create or replace function app_hidden.require_user(p_user_id uuid) returns uuid
  language plpgsql stable security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  if p_user_id is null or not exists (select 1 from app_public.users u where u.id = p_user_id) then
    raise exception 'No user with id %.', coalesce(p_user_id::text, 'null') using errcode = 'P0002';
  end if;
  return p_user_id;
end;
$$;
comment on function app_hidden.require_user(uuid) is 'The user id, or the one error for a user that does not exist.';
grant execute on function app_hidden.require_user(uuid) to bellhop_visitor;

create or replace function app_public.leads_is_followed_by_me(l app_public.leads) returns boolean
  language sql stable
as $$
  select exists (select 1 from app_public.lead_followers f where f.lead_id = l.id and f.user_id = app_public.current_user_id());
$$;
comment on function app_public.leads_is_followed_by_me(app_public.leads) is
  'Whether you follow this lead (you get its task, score and comment notifications). Its owner gets them either way.';
grant execute on function app_public.leads_is_followed_by_me(app_public.leads) to bellhop_visitor;

create or replace function app_public.follow_lead(lead_id int) returns app_public.leads
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.follow_lead(int) is E'@omit execute\nFollow a lead: hear about its tasks, scores and comments.';
grant execute on function app_public.follow_lead(int) to bellhop_visitor;

create or replace function app_public.unfollow_lead(lead_id int) returns app_public.leads
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_lead app_public.leads;
begin
  delete from app_public.lead_followers f
    where f.lead_id = app_hidden.require_lead(unfollow_lead.lead_id) and f.user_id = app_hidden.require_user_id();
  select * into v_lead from app_public.leads l where l.id = unfollow_lead.lead_id;
  return v_lead;
end;
$$;
comment on function app_public.unfollow_lead(int) is
  E'@omit execute\nStop following a lead. Its owner still hears about it as the owner.';
grant execute on function app_public.unfollow_lead(int) to bellhop_visitor;

create or replace function app_public.assign_lead(id int, owner_id uuid) returns app_public.leads
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.assign_lead(int, uuid) is
  E'@omit execute\nMakes a user the owner of a lead; they follow it and get a lead_assigned notification (unless they did it).';
grant execute on function app_public.assign_lead(int, uuid) to bellhop_visitor;

create or replace function app_hidden.require_task(p_task_id int) returns int
  language plpgsql stable
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  if p_task_id is null or not exists (select 1 from app_public.tasks t where t.id = p_task_id) then
    raise exception 'No task with id %.', coalesce(p_task_id::text, 'null') using errcode = 'P0002';
  end if;
  return p_task_id;
end;
$$;
comment on function app_hidden.require_task(int) is 'The task id, or the one error for a task that does not exist.';
grant execute on function app_hidden.require_task(int) to bellhop_visitor;

create or replace function app_public.assign_task(id int, assignee_id uuid) returns app_public.tasks
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.assign_task(int, uuid) is
  E'@omit execute\nAssigns a task to a user (null: to nobody); they follow the lead and hear when the task is completed.';
grant execute on function app_public.assign_task(int, uuid) to bellhop_visitor;

drop function if exists app_public.create_task(int, text);
create or replace function app_public.create_task(lead_id int, title text, assignee_id uuid default null) returns app_public.tasks
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.create_task(int, text, uuid) is E'@omit execute\nAdds an open task to a lead, optionally assigned to someone.';
grant execute on function app_public.create_task(int, text, uuid) to bellhop_visitor;

create or replace function app_public.notification_preferences() returns setof app_public.notification_preferences
  language sql stable
as $$
  -- Every type, with your stored choice or the default (both on).
  select coalesce(p.user_id, app_hidden.require_user_id()), t.type, coalesce(p.in_app, true), coalesce(p.toast, true),
         coalesce(p.updated_at, '-infinity')
  from app_public.notification_types t
  left join app_public.notification_preferences p on p.type = t.type and p.user_id = app_public.current_user_id()
  order by t.position, t.type;
$$;
comment on function app_public.notification_preferences() is
  E'@simpleCollections only\nYour choice for every notification type: inApp (delivered to you at all) and toast (pops up).';
grant execute on function app_public.notification_preferences() to bellhop_visitor;

create or replace function app_public.update_notification_preference(type text, in_app boolean, toast boolean)
  returns app_public.notification_preferences
  language plpgsql volatile
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_public.update_notification_preference(text, boolean, boolean) is
  E'@omit execute\nSets your choice for one notification type. inApp off: not delivered to you while off. toast off: delivered, but no pop-up.';
grant execute on function app_public.update_notification_preference(text, boolean, boolean) to bellhop_visitor;

comment on table app_public.leads is 'A sales lead in the pipeline. Inserting one, from anywhere, notifies everyone; its owner and followers hear about its tasks, score and comments.';
comment on column app_public.leads.owner_id is 'The user who owns the lead; defaults to whoever created it. They follow it and get lead_assigned when it becomes theirs.';
comment on column app_public.leads.score is 'Activity score from 0 to 100; a change notifies the owner and followers.';
comment on table app_public.tasks is 'A to-do on a lead. Completing one notifies the lead''s owner and followers and the assignee.';
comment on table app_public.comments is 'A note on a lead. Adding one notifies the lead''s owner and followers and everyone @mentioned (as @their-email).';
comment on function app_public.add_comment(int, text) is E'@omit execute\nAdds a comment to a lead; its owner, its followers and everyone @mentioned (as @their-email) are notified. You then follow the lead.';
comment on function app_public.complete_task(int) is E'@omit execute\nCompletes a task; the lead''s owner and followers and the assignee are notified. Completing it again changes nothing.';
comment on function app_public.update_lead_score(int, int) is E'@omit execute\nSets a lead''s activity score (0 to 100); its owner and followers are notified if it changed.';
comment on function app_public.create_lead(text, text, text, text) is E'@omit execute\nAdds a lead to the pipeline (you own and follow it) and notifies everyone.';

-- One upsert whatever the history size: the newest row is read past the
-- row-level security (which would check each newer hidden row on the way).
alter function app_public.mark_all_as_read() security definer;

-- One index fewer on every notification row. It only served deleting or
-- renumbering a lead (rare, and from SQL only), which now scans the table.
drop index if exists app_public.notifications_related_lead_id_idx;
