import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * How many mutation fields an operation runs: its root fields, aliases and
 * fragments included (`a: placeOrder … b: placeOrder …` is two). Each counts
 * toward the rate limit, so one request cannot place fifty orders for the
 * price of one. Queries cost 0 here (their size is the complexity limit's job).
 */
export function mutationFieldCount(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== OperationTypeNode.MUTATION) return 0;

  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === "__typename" ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return sum; // validation refuses cycles
      seen.add(fragment.name.value);
      const n = count(fragment.selectionSet);
      seen.delete(fragment.name.value);
      return sum + n;
    }, 0);
  return count(operation.selectionSet);
}
