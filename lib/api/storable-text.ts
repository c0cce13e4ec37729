// Text the database can hold. PostgreSQL refuses U+0000 in text and jsonb ("invalid byte
// sequence"), and a lone UTF-16 surrogate is not Unicode at all (Prisma refuses to send it): in
// any id, query value, field or key, either reached the database and failed there as a 500
// (found by the fuzz suite, issue 8). Checked once at the edge, for every input, so a schema
// added later is covered without remembering to.

const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problemWith(text: string): string | null {
  if (NUL.test(text)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it has a lone surrogate)';
  return null;
}

interface Place {
  value: unknown;
  key: string;
  parent: Place | null;
}

function pathOf(place: Place): string[] {
  const path: string[] = [];
  for (let at: Place | null = place; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Each place in `value` holding text that cannot be stored, by its path (`targets.0.channelId`),
 * with what is wrong; `where` names the value itself. Walked without recursion and without
 * copying paths: a body may nest tens of thousands of levels deep within its size limit.
 */
export function unstorableText(value: unknown, where: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const note = (place: Place, problem: string) => {
    fields[pathOf(place).join('.') || where] ??= problem;
  };
  const pending: Place[] = [{ value, key: '', parent: null }];
  for (let place = pending.pop(); place; place = pending.pop()) {
    if (typeof place.value === 'string') {
      const problem = problemWith(place.value);
      if (problem) note(place, problem);
    } else if (typeof place.value === 'object' && place.value !== null) {
      // A form's fields are its entries, not its properties (a server action's form argument).
      const entries =
        place.value instanceof FormData ? [...place.value.entries()] : Object.entries(place.value);
      for (const [key, inner] of entries) {
        const keyProblem = problemWith(key);
        if (keyProblem) note(place, `has a key that ${keyProblem}`);
        else pending.push({ value: inner, key, parent: place });
      }
    }
  }
  return fields;
}
