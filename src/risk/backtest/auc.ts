/**
 * Area under the ROC curve of `scores` for `positives` (1 = the event, e.g. churned), by ranks
 * (Mann–Whitney U) with ties sharing their rank. Null when either class is absent.
 */
export function auc(scores: ArrayLike<number>, positives: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positiveRankSum = 0;
  let positiveCount = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (positives[order[k]!]) {
        positiveRankSum += rank;
        positiveCount++;
      }
    }
    start = end + 1;
  }
  const negativeCount = n - positiveCount;
  if (positiveCount === 0 || negativeCount === 0) return null;
  return (positiveRankSum - (positiveCount * (positiveCount + 1)) / 2) / (positiveCount * negativeCount);
}
