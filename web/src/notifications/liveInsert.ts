/**
 * Puts a batch of live notifications into the Apollo cache in one write, however large
 * the batch: a 5,000-row INSERT must cost one broadcast to the UI, not 5,000.
 *
 * Every stored list stays a prefix of what the server would return for its filter, and
 * never grows past the pages it had loaded: the newest matching items go on top and the
 * oldest fall off the end. "Load more" (offset = length) then fetches exactly what fell
 * off, so nothing is lost, and memory does not grow with the size of a burst.
 */
import type { Reference } from '@apollo/client';
import type { NotificationPayload } from '@bellhop/contract';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { ACTOR_FIELDS, NOTIFICATION_FIELDS } from '../operations/notifications';
import { adjustUnreadCount, modifyLists, type Cache } from './cacheUpdates';
import { filterFromStoreFieldName, keyFromStoreFieldName, matchesFilter, type NotificationFilter } from './listFilter';
import { toNotification, type Notification } from './model';

export interface InsertResult {
  /** The notifications that were new, in arrival order. */
  added: Notification[];
  /** Keys (listFilter's filterKey) of the lists that dropped their oldest items: the server has more. */
  trimmed: string[];
}

interface ListState {
  storeFieldName: string;
  filter: NotificationFilter;
  length: number;
}

interface ListPlan extends ListState {
  cap: number;
  chosen: NotificationPayload[];
  trims: boolean;
}

/** As many items as the pages it has loaded hold (at least one page). */
export function listCap(length: number, pageSize: number): number {
  return Math.max(pageSize, Math.ceil(length / pageSize) * pageSize);
}

function readLists(cache: Cache): { lists: ListState[]; known: Set<string> } {
  const lists: ListState[] = [];
  const known = new Set<string>();
  modifyLists(cache, (list, { readField, storeFieldName }) => {
    for (const item of list) {
      const id = readField<string>('id', item);
      if (id) known.add(id);
    }
    lists.push({ storeFieldName, filter: filterFromStoreFieldName(storeFieldName), length: list.length });
    return list;
  });
  return { lists, known };
}

/** The newest first, each once, without those already listed. */
function freshNewestFirst(payloads: readonly NotificationPayload[], known: Set<string>): NotificationPayload[] {
  const seen = new Set(known);
  const fresh: NotificationPayload[] = [];
  for (let i = payloads.length - 1; i >= 0; i -= 1) {
    const p = payloads[i]!;
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    fresh.push(p);
  }
  return fresh;
}

function planList(list: ListState, fresh: readonly NotificationPayload[], pageSize: number): ListPlan {
  const cap = listCap(list.length, pageSize);
  const chosen: NotificationPayload[] = [];
  let overflow = false;
  for (const n of fresh) {
    if (!matchesFilter(list.filter, n)) continue;
    if (chosen.length === cap) {
      overflow = true;
      break;
    }
    chosen.push(n);
  }
  return { ...list, cap, chosen, trims: overflow || chosen.length + list.length > cap };
}

/** A payload names its actor by id only; the name comes from the cache when some query loaded it. */
function actorLookup(cache: Cache) {
  const names = new Map<string, NotificationFieldsFragment['userByActorId']>();
  return (actorId: string | null): NotificationFieldsFragment['userByActorId'] => {
    if (!actorId) return null;
    if (!names.has(actorId)) {
      const id = cache.identify({ __typename: 'User', id: actorId });
      const user = id ? cache.readFragment({ id, fragment: ACTOR_FIELDS }) : null;
      names.set(actorId, user ? { id: user.id, name: user.name } : null);
    }
    return names.get(actorId) ?? null;
  };
}

/** Only the fragment's fields: anything else a socket payload carries stays out of the cache. */
function toFragment(p: NotificationPayload, actor: NotificationFieldsFragment['userByActorId']): NotificationFieldsFragment {
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    message: p.message,
    isRead: p.isRead,
    relatedLeadId: p.relatedLeadId,
    recipientId: p.recipientId,
    actorId: p.actorId,
    userByActorId: actor,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function writeBatch(cache: Cache, plans: ListPlan[], fragments: Map<string, NotificationFieldsFragment>, unread: number): void {
  const byStoreName = new Map(plans.map((plan) => [plan.storeFieldName, plan]));
  cache.batch({
    update(c) {
      const refs = new Map<string, Reference>();
      for (const plan of plans) {
        for (const n of plan.chosen) {
          if (refs.has(n.id)) continue;
          const data = { __typename: 'Notification' as const, ...fragments.get(n.id)! };
          const ref = c.writeFragment({ fragment: NOTIFICATION_FIELDS, data });
          if (ref) refs.set(n.id, ref);
        }
      }
      modifyLists(c, (list, { storeFieldName }) => {
        const plan = byStoreName.get(storeFieldName);
        if (!plan || plan.chosen.length === 0) return list;
        const added = plan.chosen.map((n) => refs.get(n.id)).filter((ref): ref is Reference => ref !== undefined);
        return [...added, ...list].slice(0, plan.cap);
      });
      adjustUnreadCount(c, unread);
    },
  });
}

/** Adds live notifications (in arrival order) to every list they belong in and to the unread count. */
export function insertNotifications(cache: Cache, payloads: readonly NotificationPayload[], pageSize: number): InsertResult {
  const { lists, known } = readLists(cache);
  const fresh = freshNewestFirst(payloads, known);
  if (fresh.length === 0) return { added: [], trimmed: [] };

  const actor = actorLookup(cache);
  const fragments = new Map(fresh.map((p) => [p.id, toFragment(p, actor(p.actorId))]));
  const plans = lists.map((list) => planList(list, fresh, pageSize));
  writeBatch(cache, plans, fragments, fresh.filter((n) => !n.isRead).length);

  const trimmed = plans.filter((plan) => plan.trims).map((plan) => keyFromStoreFieldName(plan.storeFieldName));
  // Items that fell off every list are unreachable now; drop them so memory stays bounded.
  if (trimmed.length > 0) cache.gc();
  const added: Notification[] = [];
  for (let i = fresh.length - 1; i >= 0; i -= 1) added.push(toNotification(fragments.get(fresh[i]!.id)!));
  return { added, trimmed };
}
