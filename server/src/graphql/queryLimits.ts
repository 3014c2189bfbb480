/**
 * Query bombs: PostGraphile 4 has no depth or cost limit of its own, so these
 * validation rules reject oversized operations before any SQL is planned.
 * They run through the `postgraphile:validationRules:static` hook, which
 * covers HTTP and the subscription websocket alike.
 *
 * - depth: nesting of fields, following fragments;
 * - fields: every field the operation would resolve, counting each use of a
 *   fragment (so `...F` used 100 times costs 100x F): alias floods and
 *   fragment fan-outs both hit it, however short the text is;
 * - introspection: off in production unless GRAPHQL_INTROSPECTION=true.
 */
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type specifiedRules,
} from 'graphql';
import type { PostGraphilePlugin } from 'postgraphile';
import { listBoundsRule } from './listBounds';

export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
  /** Rows per request over every list field (see listBounds.ts). */
  maxRows: number;
  introspection: boolean;
}

interface Size {
  depth: number;
  fields: number;
}

/** Depth and expanded field count of each operation, in one pass with fragments memoised. */
function measure(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, Size>, visiting: Set<string>): Size {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    let size: Size;
    if (selection.kind === Kind.FIELD) {
      // Introspection is answered from memory; GraphiQL's own query is 13 levels deep.
      const inner = selection.selectionSet && !selection.name.value.startsWith('__')
        ? measure(selection.selectionSet, fragments, memo, visiting)
        : { depth: 0, fields: 0 };
      size = { depth: inner.depth + 1, fields: inner.fields + 1 };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      size = measure(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Unknown fragments and cycles are reported by the standard rules.
      if (!fragment || visiting.has(name)) continue;
      let known = memo.get(name);
      if (!known) {
        visiting.add(name);
        known = measure(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, known);
      }
      size = known;
    }
    depth = Math.max(depth, size.depth);
    fields += size.fields;
  }
  return { depth, fields };
}

export function queryLimitRule(limits: Pick<QueryLimits, 'maxDepth' | 'maxFields'>): ValidationRule {
  return (context: ValidationContext) => ({
    Document(document) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      const memo = new Map<string, Size>();
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const { depth, fields } = measure(definition.selectionSet, fragments, memo, new Set());
        const name = definition.name ? `Operation "${definition.name.value}"` : 'This query';
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested fields.`, definition),
          );
        }
        if (fields > limits.maxFields) {
          context.reportError(
            new GraphQLError(
              `${name} asks for ${fields} fields (counting every use of a fragment); the limit is ${limits.maxFields}. Split it into smaller queries.`,
              definition,
            ),
          );
        }
      }
      return false;
    },
  });
}

/**
 * A PostGraphile server plugin adding the rules above to every validation,
 * and the list bounds, which need the request's variables.
 */
export function makeQueryLimitsPlugin(limits: QueryLimits): PostGraphilePlugin {
  const rules: ValidationRule[] = [queryLimitRule(limits)];
  if (!limits.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return {
    'postgraphile:validationRules:static': (standard: typeof specifiedRules) => [...standard, ...rules],
    'postgraphile:validationRules': (more: readonly ValidationRule[], { variables, operationName }: { variables?: Record<string, unknown> | null; operationName?: string | null }) => [
      ...more,
      listBoundsRule(variables ?? {}, limits.maxRows, operationName),
    ],
  };
}
