--! Previous: sha1:5ce24dc443ac5dc626ed504ffe8de74073f7867e
--! Hash: sha1:4effbb23232897c194ca73d13a896893f0ba2635
--! Message: Write path: fewer trigger calls, checked related_lead_id

--------------------------------------------------------------------------------
-- Write path (issue 5): fewer trigger calls per CRM write
--------------------------------------------------------------------------------

-- Idempotent: undo this migration's objects first, in reverse order.
drop trigger if exists _900_forget_truncated on app_public.leads;
drop trigger if exists _900_forget_deleted on app_public.leads;
drop trigger if exists _900_follow_id_change on app_public.leads;
drop function if exists app_private.tg_leads__forget_in_notifications();
drop trigger if exists _100_check_related_lead on app_public.notifications;
drop function if exists app_private.tg_notifications__check_related_lead();
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
-- Bellhop's own triggers (depth 1) ring themselves, in the call they already
-- make, and never write an old txid; so this one runs for writes made
-- straight to the table (depth 0: psql, COPY, a restore).
create trigger _900_after_insert after insert on app_public.notifications
  referencing new table as new_notifications
  for each statement when (pg_trigger_depth() < 1)
  execute function app_private.tg_notifications__after_insert();

-- The doorbell as one call for the CRM triggers below. Not security definer:
-- only the owner may execute it, and the triggers that call it run as owner.
create or replace function app_private.ring_doorbell(p_source text) returns void
  language plpgsql volatile
as $$
begin
  if not coalesce((select bool_and(r.draining and r.heartbeat_at > now() - interval '30 seconds') from app_private.relays r), false) then
    perform pg_notify('bellhop_notifications', p_source);
  end if;
end;
$$;
comment on function app_private.ring_doorbell(text) is
  'NOTIFY bellhop_notifications (payload: the table name) unless every registered relay is awake and draining.';

create or replace function app_private.tg_leads__notify_created() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.notifications (type, title, message, related_lead_id)
  select 'lead_created', 'New Lead Created',
         app_private.clip(l.first_name || ' ' || l.last_name) || ' added to pipeline', l.id
  from new_leads l
  order by l.id;
  perform app_private.ring_doorbell('notifications');
  return null;
end;
$$;

create or replace function app_private.tg_leads__notify_score_updated() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_rows bigint;
begin
  insert into app_public.notifications (type, title, message, related_lead_id)
  select 'score_updated', 'Lead Score Updated',
         app_private.clip(n.first_name || ' ' || n.last_name) || ' score changed from ' || o.score || ' to ' || n.score, n.id
  from new_leads n join old_leads o on o.id = n.id
  where n.score is distinct from o.score
  order by n.id;
  get diagnostics v_rows = row_count;
  if v_rows > 0 then
    perform app_private.ring_doorbell('notifications');
  end if;
  return null;
end;
$$;

create or replace function app_private.tg_tasks__notify_completed() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
declare
  v_rows bigint;
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
  get diagnostics v_rows = row_count;
  if v_rows > 0 then
    perform app_private.ring_doorbell('notifications');
  end if;
  return null;
end;
$$;

create or replace function app_private.tg_comments__notify_added() returns trigger
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
  perform app_private.ring_doorbell('notifications');
  return null;
end;
$$;

--------------------------------------------------------------------------------
-- related_lead_id: a checked reference instead of a foreign key
--------------------------------------------------------------------------------

-- The foreign key cost every CRM write a lookup and a row lock on a lead the
-- same statement had just written or locked (about a tenth of the write
-- path). Bellhop's triggers always reference the row they fire for, so only
-- writes made straight to the table (depth 0) are checked, with the same
-- error code and lock a foreign key has; deleting a lead still clears the
-- reference, and GraphQL keeps the relation through the @foreignKey tag.
alter table app_public.notifications drop constraint if exists notifications_related_lead_id_fkey;
comment on table app_public.notifications is
  E'@omit create,update,delete,all,many\n@foreignKey (related_lead_id) references app_public.leads (id)\nA notification shown to every signed-in user. Read and deleted state are per user.';

create function app_private.tg_notifications__check_related_lead() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  -- Key share, as a foreign key takes: the lead cannot go away until this commits.
  perform 1 from app_public.leads l where l.id = new.related_lead_id for key share;
  if not found then
    raise exception 'related_lead_id % is not the id of a lead', new.related_lead_id
      using errcode = 'foreign_key_violation',
            hint = 'Use the id of a row in app_public.leads, or null.';
  end if;
  return new;
end;
$$;
comment on function app_private.tg_notifications__check_related_lead() is
  'Refuses a notification whose related_lead_id names no lead (writes made straight to the table).';
create trigger _100_check_related_lead before insert or update of related_lead_id on app_public.notifications
  for each row when (new.related_lead_id is not null and pg_trigger_depth() < 1)
  execute function app_private.tg_notifications__check_related_lead();

create function app_private.tg_leads__forget_in_notifications() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
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
comment on function app_private.tg_leads__forget_in_notifications() is
  'Keeps notifications.related_lead_id pointing at a lead: cleared when the lead is deleted or truncated, moved when its id changes.';
create trigger _900_forget_deleted after delete on app_public.leads
  referencing old table as old_leads
  for each statement execute function app_private.tg_leads__forget_in_notifications();
create trigger _900_forget_truncated after truncate on app_public.leads
  for each statement execute function app_private.tg_leads__forget_in_notifications();
create trigger _900_follow_id_change after update of id on app_public.leads
  for each row when (old.id is distinct from new.id)
  execute function app_private.tg_leads__forget_in_notifications();
