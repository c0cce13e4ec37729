// Calls for one server action, generated: its arguments from its own schema (well-formed,
// spoiled or nothing like it), argument lists of the wrong length, and the values only the
// Flight protocol can carry (FormData, Map, Set, Date, BigInt, undefined); made by each role,
// by nobody, and with a bad or malformed token.
import fc from 'fast-check';
import type { z } from 'zod';
import { type Caller, CALLERS, ROLE_EMAILS, type Role } from './api-requests';
import { type KnownValues, inputFor } from './from-schema';
import { hostileValue, nastyString } from './values';

export interface ActionFuzz {
  caller: Caller;
  args: unknown[];
}

/** People who exist but are none of the roles: a wrong password for a role would lock it out. */
const SIGN_IN_EMAILS = ['comms@cumbria.example', 'partner@manchester-city-council.example'];
const FORM_FIELDS = ['email', 'password', 'label', 'next', '__proto__', 'file'];

const formData = fc
  .array(
    fc.tuple(
      fc.constantFrom(...FORM_FIELDS),
      fc.oneof(
        fc.constantFrom(
          ...SIGN_IN_EMAILS,
          'signpost-demo',
          'Reporting script',
          '/schedule',
          '//evil.example',
        ),
        nastyString,
      ),
    ),
    { maxLength: 4 },
  )
  .map((fields) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return form;
  });

/** What arrives through encodeReply that JSON cannot say. */
const flightOnly = fc.oneof(
  formData,
  fc.constantFrom<unknown>(
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    BigInt(2) ** BigInt(70),
    new Date('2026-03-29T01:30:00Z'),
    new Map([['id', 'x']]),
    new Set(['a', 'b']),
  ),
);

const anyArgument = fc.oneof({ weight: 3, arbitrary: hostileValue }, flightOnly);

/** Mostly the roles, so calls get past sign-in; sometimes nobody, or a bad token. */
const caller = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...(Object.keys(ROLE_EMAILS) as Role[])) },
  { weight: 1, arbitrary: fc.constantFrom(...CALLERS) },
);

export function actionCallFor(schema: z.ZodTuple, known: KnownValues): fc.Arbitrary<ActionFuzz> {
  const wellFormed = inputFor(schema, known).map((value) =>
    Array.isArray(value) ? value : [value],
  );
  // A form action's arguments: a previous state, then the form (whose schema JSON cannot say).
  const formCall = fc.tuple(fc.oneof(fc.constant(null), hostileValue), formData);
  const args = fc.oneof(
    { weight: 6, arbitrary: wellFormed },
    { weight: 1, arbitrary: formCall },
    { weight: 2, arbitrary: fc.array(anyArgument, { maxLength: 4 }) },
  );
  return fc.record({ caller, args });
}
