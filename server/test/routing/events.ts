/**
 * Random CRM events for the property test, each made the way a real client
 * makes it (GraphQL as a user, or plain SQL as psql would), each returning
 * what it did and the rows the model says it must write.
 */
import type { Client } from 'pg';
import type { CrmApi, Person } from '@bellhop/testing';
import { TYPES, type Random, type RoutingModel } from './model';

export interface Done {
  what: string;
  expected: string[];
}

type Event = () => Promise<Done>;

export class RandomEvents {
  private leadIds: number[] = [];

  constructor(
    private readonly rnd: Random,
    private readonly model: RoutingModel,
    private readonly people: Person[],
    private readonly api: CrmApi,
    private readonly sql: Client,
  ) {}

  /** Leads to start from, so the first events have something to act on. */
  async start(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await this.psqlLead();
  }

  /** One event, picked by weight. */
  next(): Promise<Done> {
    const events: Array<[number, Event]> = [
      [8, () => this.psqlLead()],
      [7, () => this.graphqlLead()],
      [10, () => this.assign()],
      [14, () => this.follow()],
      [8, () => this.createTask()],
      [10, () => this.completeTask()],
      [12, () => this.score()],
      [15, () => this.comment()],
      [14, () => this.preference()],
    ];
    let roll = this.rnd.int(events.reduce((sum, [weight]) => sum + weight, 0));
    for (const [weight, event] of events) {
      if (roll < weight) return event();
      roll -= weight;
    }
    throw new Error('unreachable');
  }

  private person(): Person {
    return this.rnd.pick(this.people);
  }

  /** A recent lead: events cluster on a few, so follower sets grow. */
  private lead(): number {
    return this.rnd.pick(this.leadIds.slice(-8));
  }

  private async psqlLead(): Promise<Done> {
    const owner = this.rnd.chance(0.5) ? this.person() : null;
    const { rows } = await this.sql.query<{ id: number }>(
      `insert into app_public.leads (first_name, last_name, email, owner_id) values ('Prop', 'Lead', 'prop-' || gen_random_uuid() || '@example.com', $1) returning id`,
      [owner?.id ?? null],
    );
    this.leadIds.push(rows[0]!.id);
    return { what: `psql: insert lead ${rows[0]!.id} owned by ${owner?.name ?? 'nobody'}`, expected: this.model.leadInserted(rows[0]!.id, owner?.id ?? null, null) };
  }

  private async graphqlLead(): Promise<Done> {
    const actor = this.person();
    const id = await this.api.createLead(actor.token, 'Graph', 'Lead');
    this.leadIds.push(id);
    return { what: `${actor.name}: createLead ${id}`, expected: this.model.leadInserted(id, actor.id, actor.id) };
  }

  private async assign(): Promise<Done> {
    const [leadId, owner] = [this.lead(), this.person()];
    if (this.rnd.chance(0.5)) {
      const actor = this.person();
      await this.api.assignLead(actor.token, leadId, owner.id);
      return { what: `${actor.name}: assignLead ${leadId} to ${owner.name}`, expected: this.model.assigned(leadId, owner.id, actor.id) };
    }
    await this.sql.query('update app_public.leads set owner_id = $1 where id = $2', [owner.id, leadId]);
    return { what: `psql: owner of ${leadId} := ${owner.name}`, expected: this.model.assigned(leadId, owner.id, null) };
  }

  private async follow(): Promise<Done> {
    const [leadId, user, follows] = [this.lead(), this.person(), this.rnd.chance(0.5)];
    await (follows ? this.api.followLead(user.token, leadId) : this.api.unfollowLead(user.token, leadId));
    return { what: `${user.name}: ${follows ? 'follow' : 'unfollow'} ${leadId}`, expected: this.model.follow(leadId, user.id, follows) };
  }

  private async createTask(): Promise<Done> {
    const [leadId, actor] = [this.lead(), this.person()];
    const assignee = this.rnd.chance(0.7) ? this.person() : null;
    const id = await this.api.createTask(actor.token, leadId, 'Prop task', assignee?.id ?? null);
    return { what: `${actor.name}: createTask ${id} on ${leadId} for ${assignee?.name ?? 'nobody'}`, expected: this.model.taskCreated(leadId, id, assignee?.id ?? null) };
  }

  private async completeTask(): Promise<Done> {
    const open = [...this.model.leads].flatMap(([leadId, lead]) => lead.tasks.filter((t) => !t.completed).map((t) => [leadId, t.id] as const));
    if (open.length === 0) return this.createTask();
    const [leadId, taskId] = this.rnd.pick(open.slice(-10));
    if (this.rnd.chance(0.6)) {
      const actor = this.person();
      await this.api.completeTask(actor.token, taskId);
      return { what: `${actor.name}: completeTask ${taskId}`, expected: this.model.completed(leadId, taskId, actor.id) };
    }
    await this.sql.query('update app_public.tasks set completed_at = now() where id = $1', [taskId]);
    return { what: `psql: complete task ${taskId}`, expected: this.model.completed(leadId, taskId, null) };
  }

  private async score(): Promise<Done> {
    const leadId = this.lead();
    const score = this.rnd.chance(0.15) ? this.model.lead(leadId).score : this.rnd.int(101);
    if (this.rnd.chance(0.6)) {
      const actor = this.person();
      await this.api.updateLeadScore(actor.token, leadId, score);
      return { what: `${actor.name}: score of ${leadId} := ${score}`, expected: this.model.scored(leadId, score, actor.id) };
    }
    await this.sql.query('update app_public.leads set score = $1 where id = $2', [score, leadId]);
    return { what: `psql: score of ${leadId} := ${score}`, expected: this.model.scored(leadId, score, null) };
  }

  private async comment(): Promise<Done> {
    const leadId = this.lead();
    const mentioned = this.people.filter(() => this.rnd.chance(0.3));
    const body = ['Note', ...mentioned.map((p) => `@${this.rnd.anyCase(p.email)}`), this.rnd.chance(0.2) ? '@ghost@example.com' : ''].join(' ');
    const how = this.rnd.int(3);
    const author = how === 2 ? null : this.person();
    if (how === 0) await this.api.addComment(author!.token, leadId, body);
    else await this.sql.query('insert into app_public.comments (lead_id, body, author_id) values ($1, $2, $3)', [leadId, body, author?.id ?? null]);
    const by = how === 0 ? author!.name : `psql as ${author?.name ?? 'nobody'}`;
    return { what: `${by}: comment on ${leadId}: ${body}`, expected: this.model.commented(leadId, author?.id ?? null, mentioned.map((p) => p.id)) };
  }

  /**
   * Stored straight in the table (the row updateNotificationPreference would
   * write): that mutation fails today (see preferences.test.ts), and this test
   * is about routing and delivery.
   */
  private async preference(): Promise<Done> {
    const [user, type, inApp, toast] = [this.person(), this.rnd.pick(TYPES), this.rnd.chance(0.5), this.rnd.chance(0.5)];
    await this.sql.query(
      `insert into app_public.notification_preferences (user_id, type, in_app, toast) values ($1, $2, $3, $4)
       on conflict (user_id, type) do update set in_app = excluded.in_app, toast = excluded.toast`,
      [user.id, type, inApp, toast],
    );
    this.model.setPreference(user.id, type, inApp);
    return { what: `${user.name}: ${type} inApp=${inApp} toast=${toast}`, expected: [] };
  }
}
