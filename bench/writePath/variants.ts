/**
 * The four columns of c, each on its own clone of the migrated schema: the
 * same app_public.leads table, with different work behind an INSERT.
 */
import { RAW_CHANNEL } from '../lib/raw';

export const VARIANTS = ['none', 'floor', 'bellhop', 'naive'] as const;
export type Variant = (typeof VARIANTS)[number];

export const LABELS: Record<Variant, string> = {
  none: 'no trigger',
  floor: 'floor',
  bellhop: 'Bellhop',
  naive: 'naive',
};

export const SETUP: Record<Variant, string> = {
  bellhop: 'select 1',
  // Every user trigger on leads off: the timestamps one too, so this is the bare table.
  none: 'alter table app_public.leads disable trigger user',
  // The design's floor: the bare table plus a row trigger that writes one bare
  // notification row (a primary key and nothing else). No NOTIFY, no relay.
  floor: `
    alter table app_public.leads disable trigger user;
    create schema bench_floor;
    create table bench_floor.notifications (id bigint primary key generated always as identity);
    create function bench_floor.notify() returns trigger language plpgsql as $$
    begin
      insert into bench_floor.notifications default values;
      return null;
    end;
    $$;
    create trigger bench_floor_notify after insert on app_public.leads
      for each row execute function bench_floor.notify();
  `,
  // The obvious design: every notification row NOTIFYs itself to a listener
  // that emits it. Bellhop's doorbell (whatever its trigger is called in this
  // schema) goes, so the only NOTIFY is the per-row one.
  naive: `
    drop trigger if exists _900_after_insert on app_public.notifications;
    drop trigger if exists _900_ring_doorbell on app_public.notifications;
    create function public.bench_naive_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('${RAW_CHANNEL}', json_build_object(
        'id', new.id, 'type', new.type, 'title', new.title, 'message', new.message, 'isRead', false,
        'relatedLeadId', new.related_lead_id, 'createdAt', new.created_at, 'updatedAt', new.updated_at)::text);
      return null;
    end;
    $$;
    create trigger bench_naive_notify after insert on app_public.notifications
      for each row execute function public.bench_naive_notify();
  `,
};
