--! Previous: sha1:4effbb23232897c194ca73d13a896893f0ba2635
--! Hash: sha1:12cab590045d7fedf02f6f996e8822a59a82b19c
--! Message: Relay read: json payload, inlinable

--------------------------------------------------------------------------------
-- The relay's read: a cheaper payload per row
--------------------------------------------------------------------------------

-- The relay builds this for every notification it reads. json instead of
-- jsonb: the relay only passes it on, and building jsonb's binary form to
-- print it again took about as long as reading the row. No SET clause: it
-- is not security definer and calls only built-ins, and a SET stops the
-- planner from inlining it into the read. Together about 5 µs less per row.
-- Timestamps print exactly as in jsonb and GraphQL (the same JSON encoder).
drop function if exists app_private.notification_payload(app_public.notifications);
create function app_private.notification_payload(n app_public.notifications) returns json
  language sql stable
as $$
  select json_build_object(
    'id', n.id,
    'type', n.type,
    'title', n.title,
    'message', n.message,
    'isRead', false,
    'relatedLeadId', n.related_lead_id,
    'createdAt', n.created_at,
    'updatedAt', n.updated_at
  );
$$;
comment on function app_private.notification_payload(app_public.notifications) is
  'A notification as the socket event notification:created carries it: the same strings GraphQL returns.';
