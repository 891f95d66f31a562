// Go's filepath.Match (on '/'-separated names), which the chain uses to compare an order's attribute
// keys with a provider's: `*` is any run of characters other than '/', `?` one such character,
// `[...]` / `[^...]` a class with ranges, `\` escapes. A malformed pattern matches nothing, as Go's
// Match returns false with ErrBadPattern. Patterns are compiled once and cached: the matcher sits on
// the bid engine's hot path.

export type Matcher = (name: string) => boolean;

const NEVER: Matcher = () => false;
const cache = new Map<string, Matcher>();
const CACHE_LIMIT = 4_096;

export function compileGlob(pattern: string): Matcher {
  let matcher = cache.get(pattern);
  if (matcher) return matcher;
  matcher = build(pattern);
  if (cache.size >= CACHE_LIMIT) cache.clear(); // unbounded input must not grow memory
  cache.set(pattern, matcher);
  return matcher;
}

export function globMatch(pattern: string, name: string): boolean {
  return compileGlob(pattern)(name);
}

function build(pattern: string): Matcher {
  if (!/[*?[\\]/.test(pattern)) return (name) => name === pattern;
  const source = toRegExpSource(pattern);
  if (source === null) return NEVER;
  let re: RegExp;
  try {
    re = new RegExp(`^${source}$`, "u");
  } catch {
    return NEVER; // belt and braces: a translation the engine cannot run matches nothing, like a bad pattern
  }
  return (name) => re.test(name);
}

// With the `u` flag only syntax characters (and, inside a class, "-") may be escaped.
const escapeChar = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c);
const escapeClassChar = (c: string): string => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c);

/** Translates the pattern, or returns null where Go reports ErrBadPattern. */
export function toRegExpSource(pattern: string): string | null {
  const chars = Array.from(pattern); // by code point, as Go decodes runes
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === "*") {
      out += "[^/]*";
      i++;
    } else if (c === "?") {
      out += "[^/]";
      i++;
    } else if (c === "\\") {
      if (i + 1 >= chars.length) return null;
      out += escapeChar(chars[i + 1]!);
      i += 2;
    } else if (c === "[") {
      const parsed = parseClass(chars, i + 1);
      if (!parsed) return null;
      out += parsed.source;
      i = parsed.next;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return out;
}

function parseClass(chars: string[], start: number): { source: string; next: number } | null {
  let i = start;
  let negate = false;
  if (chars[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let ranges = 0;
  for (;;) {
    if (i >= chars.length) return null; // unterminated
    if (chars[i] === "]" && ranges > 0) return { source: `[${negate ? "^" : ""}${body}]`, next: i + 1 };
    const lo = readClassChar(chars, i);
    if (!lo) return null;
    i = lo.next;
    let hi = lo;
    if (chars[i] === "-") {
      const h = readClassChar(chars, i + 1);
      if (!h) return null;
      hi = h;
      i = h.next;
      if ((hi.char.codePointAt(0) ?? 0) < (lo.char.codePointAt(0) ?? 0)) return null;
    }
    body += hi === lo ? escapeClassChar(lo.char) : `${escapeClassChar(lo.char)}-${escapeClassChar(hi.char)}`;
    ranges++;
  }
}

function readClassChar(chars: string[], i: number): { char: string; next: number } | null {
  const c = chars[i];
  if (c === undefined || c === "-" || c === "]") return null;
  if (c === "\\") {
    const escaped = chars[i + 1];
    return escaped === undefined ? null : { char: escaped, next: i + 2 };
  }
  return { char: c, next: i + 1 };
}
