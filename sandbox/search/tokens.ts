const WORD_CHAR = '[\\p{L}\\p{N}]';

/**
 * CONTAINS_TOKEN: the value must appear as whole words, case-insensitively ("acme" matches
 * "Acme Corp" and "acme-corp", not "Acmeville"). `*` matches any run of non-space characters, and a
 * leading or trailing `*` drops the word boundary on that side, so `*@hubspot.com` matches any
 * address at that domain and `renew*` matches "renewal". Compiled once; `test` allocates nothing.
 */
export function tokenPattern(value: string): RegExp {
  const body = value.split('*').map(escapeRegExp).join('\\S*');
  const start = value.startsWith('*') ? '' : `(?<!${WORD_CHAR})`;
  const end = value.endsWith('*') ? '' : `(?!${WORD_CHAR})`;
  return new RegExp(`${start}${body}${end}`, 'iu');
}

/** Case-insensitive substring match, for the free-text `query`. */
export function substringPattern(text: string): RegExp {
  return new RegExp(escapeRegExp(text), 'iu');
}

/** Case-insensitive whole-value match, for EQ/NEQ on text properties. */
export function wholeValuePattern(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`, 'iu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
