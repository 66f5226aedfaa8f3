/**
 * Whether free text says something. AEs under quota pressure type `tbd` or `-` to get past a
 * required field; these checks catch the common ways of doing that.
 */
const PLACEHOLDERS = new Set([
  'tbd',
  'tba',
  'tbc',
  'n/a',
  'na',
  'none',
  'nothing',
  'null',
  'nil',
  'todo',
  'to do',
  'see notes',
  'see note',
  'see above',
  'see email',
  'same as above',
  'pending',
  'unknown',
  'later',
  'fill in later',
  'coming soon',
  'placeholder',
  'test',
  'asdf',
  'x',
  'xx',
  'xxx',
  'lorem ipsum',
  'etc',
]);

/** Placeholder words that also give away a placeholder when they are all a text is made of. */
const PLACEHOLDER_WORDS = new Set([...PLACEHOLDERS].filter((p) => !p.includes(' ')));

export type TextProblem = { kind: 'empty' } | { kind: 'placeholder'; text: string } | { kind: 'repeated' };

/** The text with whitespace runs collapsed: what "characters of real text" are counted on. */
export function collapsed(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The first reason the text is not real text, or null when it is. */
export function textProblem(text: string | null): TextProblem | null {
  const body = collapsed(text ?? '');
  const core = body
    .toLowerCase()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/\s+/g, ' ');
  if (body === '') return { kind: 'empty' };
  if (core === '' || PLACEHOLDERS.has(core)) return { kind: 'placeholder', text: body };
  const words = core.split(/[^\p{L}\p{N}/]+/u).filter(Boolean);
  if (words.every((w) => PLACEHOLDER_WORDS.has(w))) return { kind: 'placeholder', text: body };
  if (!/\p{L}/u.test(core) || mostlyOneCharacter(body)) return { kind: 'repeated' };
  return null;
}

/** "aaaaaaa…", "!!!!!!!!" or "x x x x x": half or more of the visible characters are the same one. */
function mostlyOneCharacter(text: string): boolean {
  const visible = [...text.toLowerCase().replace(/\s/g, '')];
  const counts = new Map<string, number>();
  for (const c of visible) counts.set(c, (counts.get(c) ?? 0) + 1);
  return Math.max(...counts.values()) * 2 >= visible.length;
}

/** Plain words for a text problem, after the field's label. */
export function describeTextProblem(problem: TextProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'empty';
    case 'placeholder':
      return `"${shorten(problem.text)}" is a placeholder, not an answer`;
    case 'repeated':
      return 'not real text (mostly one repeated character or no words)';
  }
}

export function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
