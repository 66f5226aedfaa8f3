import { seededRandom } from '#src/random/seeded-random';
/**
 * Fold of each row for grouped k-fold cross-validation: all renewals of one customer fall in the
 * same fold, so a model is never tested on a customer it trained on. Customers are shuffled with a
 * seeded generator (the same split every run) and dealt round-robin, churned customers first, so
 * every fold gets its share of churn.
 */
export function groupedFolds(
  customerIds: readonly string[],
  churned: ArrayLike<number>,
  folds: number,
  seed = 1,
): Int32Array {
  const churnedCustomers = new Set<string>();
  customerIds.forEach((id, i) => {
    if (churned[i]) churnedCustomers.add(id);
  });
  const customers = [...new Set(customerIds)];
  const random = seededRandom(seed);
  for (let i = customers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [customers[i], customers[j]] = [customers[j]!, customers[i]!];
  }
  const ordered = [
    ...customers.filter((c) => churnedCustomers.has(c)),
    ...customers.filter((c) => !churnedCustomers.has(c)),
  ];
  const foldOf = new Map(ordered.map((customer, i) => [customer, i % folds]));
  return Int32Array.from(customerIds, (id) => foldOf.get(id) ?? 0);
}

/**
 * Folds in time order: customers sorted by their first renewal date, cut into `folds` blocks of
 * about equal size (a customer's renewals stay together). Fold f is tested on a model trained
 * on folds before it only, so the first fold is never tested.
 */
export function timeOrderedFolds(
  customerIds: readonly string[],
  dates: ArrayLike<number>,
  folds: number,
): Int32Array {
  const first = new Map<string, number>();
  customerIds.forEach((id, i) =>
    first.set(id, Math.min(first.get(id) ?? Number.POSITIVE_INFINITY, dates[i]!)),
  );
  const customers = [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)! || a.localeCompare(b));
  const counts = new Map<string, number>();
  for (const id of customerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const foldOf = new Map<string, number>();
  let seen = 0;
  for (const customer of customers) {
    foldOf.set(customer, Math.min(folds - 1, Math.floor((seen * folds) / customerIds.length)));
    seen += counts.get(customer)!;
  }
  return Int32Array.from(customerIds, (id) => foldOf.get(id) ?? 0);
}
