-- The relay's cursor read: new notifications and per-user events, and the
-- snapshot they were read in. One statement, so one snapshot: the rows and the
-- snapshot agree. The relay connects as the owner and reads the tables
-- directly, as plain rows; TypeScript shapes them for the wire.
--
-- $1, $2: notifications position (txid, seq)   $3, $4: user events position (txid, id)
-- $5: transactions that were open at the last read   $6: keyset limit per source
--
-- Only the keyset part is limited; rows of a transaction that was open are
-- read whole once it commits (it can only be as big as one transaction).
-- A row a transaction wrote itself has a txid below the snapshot's xmax once
-- it is visible; one at or above it was written with an explicit txid from
-- another cluster (pg_restore into a new one). Such rows are old: reading
-- them would replay history and push the cursor past the real new rows, so
-- they are left alone (see app_private.rebase_restored_txids()).
-- Timestamps go through to_json: the strings PostGraphile returns.
with s as materialized (select pg_current_snapshot() as snap)
select * from (
  (select 'notification' as source, n.txid::text as txid, n.seq::text as seq,
          n.id, n.type, n.title, n.message, n.related_lead_id, n.recipient_id, n.actor_id,
          to_json(n.created_at) as created_at, to_json(n.updated_at) as updated_at,
          -- A broadcast is not pushed to those it is hidden from (deleted, or a type they switched off).
          case when n.recipient_id is null then array(
            select r.user_id::text from app_hidden.notification_receipts r where r.notification_id = n.id and r.is_deleted) end as hidden_from,
          null::uuid as user_id, null::text as kind, null::text[] as notification_ids, null::json as up_to_created_at,
          null::text as xmin, null::text as xmax, null::text[] as open
     from app_public.notifications n
     where n.txid >= $1::text::xid8 and (n.txid, n.seq) > ($1::text::xid8, $2::bigint)
       and n.txid < (select pg_snapshot_xmax(s.snap) from s)
     order by n.txid, n.seq
     limit $6)
  union all
  (select 'notification', n.txid::text, n.seq::text,
          n.id, n.type, n.title, n.message, n.related_lead_id, n.recipient_id, n.actor_id,
          to_json(n.created_at), to_json(n.updated_at),
          case when n.recipient_id is null then array(
            select r.user_id::text from app_hidden.notification_receipts r where r.notification_id = n.id and r.is_deleted) end,
          null, null, null, null, null, null, null
     from app_public.notifications n
     where n.txid = any($5::text[]::xid8[]) and n.txid < $1::text::xid8)
  union all
  (select 'user_event', e.txid::text, e.id::text,
          null, null, null, null, null, null, null, null, null, null,
          e.user_id, e.kind, e.notification_ids::text[], to_json(e.up_to_created_at),
          null, null, null
     from app_private.user_events e
     where e.txid >= $3::text::xid8 and (e.txid, e.id) > ($3::text::xid8, $4::bigint)
       and e.txid < (select pg_snapshot_xmax(s.snap) from s)
     order by e.txid, e.id
     limit $6)
  union all
  (select 'user_event', e.txid::text, e.id::text,
          null, null, null, null, null, null, null, null, null, null,
          e.user_id, e.kind, e.notification_ids::text[], to_json(e.up_to_created_at),
          null, null, null
     from app_private.user_events e
     where e.txid = any($5::text[]::xid8[]) and e.txid < $3::text::xid8)
) rows
union all
select 'snapshot', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
       pg_snapshot_xmin(s.snap)::text, pg_snapshot_xmax(s.snap)::text,
       array(select x::text from pg_snapshot_xip(s.snap) x order by x)
  from s
