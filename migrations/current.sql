--------------------------------------------------------------------------------
-- SQL returns rows; the wire format lives in TypeScript (contract/src/rows.ts)
--------------------------------------------------------------------------------

-- The relay now reads plain columns and shapes them itself.
drop function if exists app_private.notification_payload(app_public.notifications);

--------------------------------------------------------------------------------
-- One doorbell: every insert into notifications rings through one trigger,
-- whatever wrote it, so a new notification trigger needs no doorbell code.
--------------------------------------------------------------------------------

create or replace function app_private.tg__ring_doorbell() returns trigger
  language plpgsql volatile security definer
  set search_path to pg_catalog, public, pg_temp
as $$
begin
  -- A statement that wrote nothing (a score UPDATE that changed no score) rings for nothing.
  -- NOTIFY takes a cluster-wide lock at commit; skip it while every live relay
  -- is already polling (draining), since they will read this row anyway.
  if exists (select 1 from new_rows) and not coalesce((select bool_and(r.draining and r.heartbeat_at > now() - interval '30 seconds') from app_private.relays r), false) then
    perform pg_notify('bellhop_notifications', tg_table_name);
  end if;
  return null;
end;
$$;
comment on function app_private.tg__ring_doorbell() is
  'Statement-level, after INSERT or COPY into notifications or user_events: NOTIFY bellhop_notifications (payload: the table name) unless every live relay is draining.';

drop trigger if exists _900_after_insert on app_public.notifications;
drop function if exists app_private.tg_notifications__after_insert();

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
comment on function app_private.tg_notifications__count_old_txids() is
  'Statement-level, after a direct INSERT or COPY into notifications: counts rows written with an old txid, which the periodic count refresh would never reach.';

drop trigger if exists _800_count_old_txids on app_public.notifications;
-- Rows written by Bellhop's own triggers (depth 1) always carry their writer's txid.
create trigger _800_count_old_txids after insert on app_public.notifications
  referencing new table as new_notifications
  for each statement when (pg_trigger_depth() < 1)
  execute function app_private.tg_notifications__count_old_txids();

drop trigger if exists _900_ring_doorbell on app_public.notifications;
create trigger _900_ring_doorbell after insert on app_public.notifications
  referencing new table as new_rows
  for each statement execute function app_private.tg__ring_doorbell();
drop trigger if exists _900_ring_doorbell on app_private.user_events;
create trigger _900_ring_doorbell after insert on app_private.user_events
  referencing new table as new_rows
  for each statement execute function app_private.tg__ring_doorbell();

-- The CRM triggers now only write rows; the doorbell above rings for them.
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
  return null;
end;
$$;

create or replace function app_private.tg_leads__notify_score_updated() returns trigger
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

create or replace function app_private.tg_tasks__notify_completed() returns trigger
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
  return null;
end;
$$;

drop function if exists app_private.ring_doorbell(text);
