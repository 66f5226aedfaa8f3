export interface CalibrationBin {
  bin: number;
  accounts: number;
  meanPredicted: number;
  observedChurn: number;
}

/** Accounts sorted by predicted churn, cut into `bins` groups of near-equal size (deciles by default). */
export function calibrationTable(
  predicted: ArrayLike<number>,
  churned: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const order = Array.from({ length: predicted.length }, (_, i) => i).sort(
    (a, b) => predicted[a]! - predicted[b]!,
  );
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * order.length) / bins);
    const to = Math.floor(((b + 1) * order.length) / bins);
    if (to <= from) continue;
    let p = 0;
    let y = 0;
    for (let k = from; k < to; k++) {
      p += predicted[order[k]!]!;
      y += churned[order[k]!]!;
    }
    table.push({
      bin: b + 1,
      accounts: to - from,
      meanPredicted: p / (to - from),
      observedChurn: y / (to - from),
    });
  }
  return table;
}
