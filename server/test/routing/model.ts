/**
 * A model of the routing rules (SPEC "Notification semantics"), for the
 * property test: who owns and follows each lead, who switched which type
 * off, and so which rows each event must write. Rows are described as
 * "type:recipient:actor" ("*" for everyone, "-" for no actor).
 */

export const TYPES = ['lead_created', 'lead_assigned', 'task_completed', 'score_updated', 'comment_added'] as const;
export type Type = (typeof TYPES)[number];

interface Task {
  id: number;
  assignee: string | null;
  completed: boolean;
}

interface Lead {
  owner: string | null;
  followers: Set<string>;
  score: number;
  tasks: Task[];
}

/** A small, seeded pseudo-random generator (mulberry32), so a failure can be replayed. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p: number) => next() < p,
    /** The same text with each letter's case chosen at random. */
    anyCase: (text: string) => [...text].map((c) => (next() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join(''),
  };
}

export type Random = ReturnType<typeof random>;

export const row = (type: Type, recipient: string | null, actor: string | null) => `${type}:${recipient ?? '*'}:${actor ?? '-'}`;

export class RoutingModel {
  readonly leads = new Map<number, Lead>();
  private readonly off = new Map<string, Set<Type>>();

  constructor(readonly users: string[]) {}

  wants(user: string, type: Type): boolean {
    return !this.off.get(user)?.has(type);
  }

  /** Users who switched this type off: a broadcast of it is hidden from them. */
  hiddenFrom(type: Type): string[] {
    return this.users.filter((user) => !this.wants(user, type)).sort();
  }

  setPreference(user: string, type: Type, inApp: boolean): void {
    const off = this.off.get(user) ?? new Set<Type>();
    if (inApp) off.delete(type);
    else off.add(type);
    this.off.set(user, off);
  }

  lead(id: number): Lead {
    const lead = this.leads.get(id);
    if (!lead) throw new Error(`The model has no lead ${id}.`);
    return lead;
  }

  /** One row per person concerned (owner, followers, extra), never the actor, only those who want the type. */
  private targeted(type: Type, leadId: number, extra: Array<string | null>, actor: string | null): string[] {
    const lead = this.lead(leadId);
    const people = new Set<string>([...(lead.owner ? [lead.owner] : []), ...lead.followers, ...extra.filter((u): u is string => u !== null)]);
    return [...people].filter((user) => user !== actor && this.wants(user, type)).map((user) => row(type, user, actor));
  }

  leadInserted(id: number, owner: string | null, actor: string | null): string[] {
    this.leads.set(id, { owner, followers: new Set(owner ? [owner] : []), score: 0, tasks: [] });
    const rows = [row('lead_created', null, actor)];
    if (owner && owner !== actor && this.wants(owner, 'lead_assigned')) rows.push(row('lead_assigned', owner, actor));
    return rows;
  }

  assigned(leadId: number, owner: string, actor: string | null): string[] {
    const lead = this.lead(leadId);
    if (lead.owner === owner) return [];
    lead.owner = owner;
    lead.followers.add(owner);
    return owner !== actor && this.wants(owner, 'lead_assigned') ? [row('lead_assigned', owner, actor)] : [];
  }

  follow(leadId: number, user: string, follows: boolean): string[] {
    if (follows) this.lead(leadId).followers.add(user);
    else this.lead(leadId).followers.delete(user);
    return [];
  }

  taskCreated(leadId: number, id: number, assignee: string | null): string[] {
    const lead = this.lead(leadId);
    lead.tasks.push({ id, assignee, completed: false });
    if (assignee) lead.followers.add(assignee);
    return [];
  }

  completed(leadId: number, taskId: number, actor: string | null): string[] {
    const task = this.lead(leadId).tasks.find((t) => t.id === taskId)!;
    if (task.completed) return [];
    task.completed = true;
    return this.targeted('task_completed', leadId, [task.assignee], actor);
  }

  scored(leadId: number, score: number, actor: string | null): string[] {
    const lead = this.lead(leadId);
    if (lead.score === score) return [];
    lead.score = score;
    return this.targeted('score_updated', leadId, [], actor);
  }

  commented(leadId: number, author: string | null, mentioned: string[]): string[] {
    const rows = this.targeted('comment_added', leadId, mentioned, author);
    if (author) this.lead(leadId).followers.add(author);
    return rows;
  }

  /** lead id → owner and sorted followers, to compare with the tables. */
  snapshot(): Record<number, { owner: string | null; followers: string[] }> {
    return Object.fromEntries([...this.leads].map(([id, lead]) => [id, { owner: lead.owner, followers: [...lead.followers].sort() }]));
  }
}
