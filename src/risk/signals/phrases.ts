/** A phrase list compiled once: whole-word, case-insensitive matching. */
export interface PhraseMatcher {
  firstMatch(text: string): string | null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  if (phrases.length === 0) return { firstMatch: () => null };
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${phrases.map((p) => escape(p.trim())).join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return {
    firstMatch(text) {
      const match = pattern.exec(text);
      return match ? (match[1] ?? null) : null;
    },
  };
}
