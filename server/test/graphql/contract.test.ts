/**
 * The SPEC's GraphQL surface, read back from the running server by
 * introspection over HTTP: names, types and nullability clients rely on.
 */
import { useStack } from '@bellhop/testing';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface Field {
  name: string;
  type: TypeRef;
  args: Array<{ name: string; type: TypeRef }>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

const stack = useStack();
let types: Map<string, Field[]>;

beforeAll(async () => {
  const data = await stack.data<{ __schema: { types: Array<{ name: string; fields: Field[] | null }> } }>(
    `{ __schema { types { name fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } } } }`,
  );
  types = new Map(data.__schema.types.map((t) => [t.name, t.fields ?? []]));
});

/** "[Notification!]!" style, as SDL writes it. */
function sdl(type: TypeRef | null): string {
  if (!type) return '?';
  if (type.kind === 'NON_NULL') return `${sdl(type.ofType)}!`;
  if (type.kind === 'LIST') return `[${sdl(type.ofType)}]`;
  return type.name ?? '?';
}

function field(typeName: string, name: string): Field {
  const found = types.get(typeName)?.find((f) => f.name === name);
  if (!found) throw new Error(`${typeName}.${name} is missing from the schema`);
  return found;
}

test('Notification has the camelCase fields of the contract', () => {
  const shape = Object.fromEntries(
    ['id', 'type', 'title', 'message', 'isRead', 'relatedLeadId', 'createdAt', 'updatedAt'].map((name) => [name, sdl(field('Notification', name).type)]),
  );
  expect(shape).toEqual({
    id: 'UUID!',
    type: 'String!',
    title: 'String!',
    message: 'String!',
    isRead: expect.stringMatching(/^Boolean!?$/),
    relatedLeadId: 'Int',
    createdAt: 'Datetime!',
    updatedAt: 'Datetime!',
  });
  expect(types.get('Notification')!.map((f) => f.name)).not.toContain('seq');
  expect(types.get('Notification')!.map((f) => f.name)).not.toContain('txid');
});

test('getNotifications is a plain list with unreadOnly, first and offset; getUnreadCount is Int!', () => {
  const getNotifications = field('Query', 'getNotifications');
  expect(sdl(getNotifications.type)).toBe('[Notification!]!');
  const args = Object.fromEntries(getNotifications.args.map((a) => [a.name, sdl(a.type)]));
  expect(args).toMatchObject({ unreadOnly: 'Boolean', first: 'Int', offset: 'Int' });
  expect(sdl(field('Query', 'getUnreadCount').type)).toBe('Int!');
});

test('the mutations are exactly the ones the contract names, in its plain shapes', () => {
  const mutations = Object.fromEntries(types.get('Mutation')!.map((f) => [f.name, sdl(f.type)]));
  expect(mutations).toEqual({
    addComment: 'Comment!',
    assignLead: 'Lead!',
    assignTask: 'Task!',
    followLead: 'Lead!',
    unfollowLead: 'Lead!',
    updateNotificationPreference: 'NotificationPreference!',
    completeTask: 'Task!',
    createLead: 'Lead!',
    createTask: 'Task!',
    deleteNotification: 'Boolean!',
    login: 'LoginPayload',
    markAllAsRead: 'Boolean!',
    markAsRead: 'Notification!',
    markAsUnread: 'Notification!',
    register: 'RegisterPayload',
    updateLeadScore: 'Lead!',
  });
  expect(sdl(field('LoginPayload', 'jwtToken').type)).toBe('JwtToken');
  expect(sdl(field('RegisterPayload', 'jwtToken').type)).toBe('JwtToken');
});

test('createLead(input:) requires firstName, lastName and email, with company optional', async () => {
  expect(field('Mutation', 'createLead').args.map((a) => [a.name, sdl(a.type)])).toEqual([['input', 'CreateLeadInput!']]);
  const data = await stack.data<{ __type: { inputFields: Array<{ name: string; type: TypeRef }> } }>(
    `{ __type(name: "CreateLeadInput") { inputFields { name type { ${TYPE_REF} } } } }`,
  );
  expect(Object.fromEntries(data.__type.inputFields.map((f) => [f.name, sdl(f.type)]))).toEqual({
    firstName: 'String!',
    lastName: 'String!',
    email: 'String!',
    company: 'String',
  });
});
