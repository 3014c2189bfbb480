/**
 * Every list is bounded. In the schema, each `first` argument defaults to
 * DEFAULT_FIRST (and `last`/`before`, which would page from the other end
 * without a bound, are removed). Per request, a validation rule that sees the
 * variables checks that no `first` exceeds MAX_FIRST and that the rows the
 * request could return, summed over every list field and alias and multiplied
 * through nested lists, stay within the row budget (GRAPHQL_MAX_ROWS).
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isObjectType,
  isInterfaceType,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphile-build';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export const ListBoundsSchemaPlugin: Plugin = (builder) => {
  builder.hook('GraphQLObjectType:fields:field:args', (args) => {
    if (!args.first) return args;
    const { last: _last, before: _before, ...rest } = args;
    return {
      ...rest,
      first: { ...args.first, defaultValue: DEFAULT_FIRST, description: `At most ${MAX_FIRST}; ${DEFAULT_FIRST} when not given.` },
    };
  });
};

type Variables = Record<string, unknown>;

interface Walk {
  context: ValidationContext;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
  defaults: Map<string, ValueNode>;
  rows: number;
}

function firstOf(value: ValueNode | undefined, walk: Walk): unknown {
  if (!value) return DEFAULT_FIRST;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.NULL) return null;
  if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    if (name in walk.variables) return walk.variables[name];
    return walk.defaults.has(name) ? firstOf(walk.defaults.get(name), walk) : DEFAULT_FIRST;
  }
  return undefined;
}

function visit(selectionSet: SelectionSetNode, type: GraphQLNamedType, multiplier: number, path: string, walk: Walk): void {
  const schema = walk.context.getSchema();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      if (condition) visit(selection.selectionSet, condition, multiplier, path, walk);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      const condition = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && condition) visit(fragment.selectionSet, condition, multiplier, path, walk);
      continue;
    }
    const name = selection.name.value;
    if (name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const field = type.getFields()[name];
    if (!field) continue;
    const where = `${path}${selection.alias?.value ?? name}`;
    let childMultiplier = multiplier;
    if (field.args.some((arg) => arg.name === 'first')) {
      const first = firstOf(selection.arguments?.find((arg) => arg.name.value === 'first')?.value, walk);
      // A value of the wrong type is left to GraphQL's own coercion error.
      if (first !== null && typeof first !== 'number') continue;
      if (first === null || !Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
        walk.context.reportError(
          new GraphQLError(`${where}: first must be a whole number from 0 to ${MAX_FIRST} (got ${JSON.stringify(first)}); page with first and offset.`, selection),
        );
        continue;
      }
      childMultiplier = multiplier * first;
      walk.rows += childMultiplier;
    }
    if (selection.selectionSet) visit(selection.selectionSet, getNamedType(field.type), childMultiplier, `${where}.`, walk);
  }
}

function rootType(context: ValidationContext, operation: OperationDefinitionNode): GraphQLNamedType | null | undefined {
  const schema = context.getSchema();
  if (operation.operation === 'mutation') return schema.getMutationType();
  if (operation.operation === 'subscription') return schema.getSubscriptionType();
  return schema.getQueryType();
}

export function listBoundsRule(variables: Variables, maxRows: number, operationName?: string | null): ValidationRule {
  return (context) => ({
    Document(document) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        if (operationName && operation.name?.value !== operationName) continue;
        const type = rootType(context, operation);
        if (!type) continue;
        const defaults = new Map<string, ValueNode>();
        for (const definition of operation.variableDefinitions ?? []) {
          if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
        }
        const walk: Walk = { context, fragments, variables, defaults, rows: 0 };
        visit(operation.selectionSet, type, 1, '', walk);
        if (walk.rows > maxRows) {
          context.reportError(
            new GraphQLError(
              `This request could return up to ${walk.rows.toLocaleString('en-US')} rows (every list field and alias, multiplied through nested lists); the limit is ${maxRows.toLocaleString('en-US')}. Ask for fewer rows or split it into several requests.`,
              operation,
            ),
          );
        }
      }
      return false;
    },
  });
}
