import { describe, expect, it } from 'vitest';
import { POST_STATUSES } from '../posts/state-machine';
import { twinDecision, type Twin } from './twin-rule';

const welsh = (status: Twin['status'], heldReason: string | null = null): Twin => ({
  language: 'cy',
  status,
  heldReason,
});

describe('twinDecision', () => {
  it('lets Welsh and bilingual posts go whatever their twins do', () => {
    for (const status of POST_STATUSES) {
      expect(twinDecision({ language: 'cy' }, [{ ...welsh(status), language: 'en' }])).toEqual({
        kind: 'go',
      });
      expect(twinDecision({ language: 'bilingual' }, [welsh(status)])).toEqual({ kind: 'go' });
    }
  });

  it('lets an English post without a twin go', () => {
    expect(twinDecision({ language: 'en' }, [])).toEqual({ kind: 'go' });
  });

  it('lets the English go once its Welsh twin is published', () => {
    expect(twinDecision({ language: 'en' }, [welsh('published')])).toEqual({ kind: 'go' });
  });

  it('makes the English wait while its Welsh twin is still to publish', () => {
    expect(twinDecision({ language: 'en' }, [welsh('scheduled')])).toEqual({ kind: 'wait' });
    expect(twinDecision({ language: 'en' }, [welsh('publishing')])).toEqual({ kind: 'wait' });
  });

  it('makes the English wait, not hold, while its Welsh twin is unconfirmed (a worker died publishing it)', () => {
    expect(twinDecision({ language: 'en' }, [welsh('unconfirmed')])).toEqual({ kind: 'wait' });
  });

  it.each(['held', 'failed', 'cancelled'] as const)(
    'holds the English while its Welsh twin is %s',
    (status) => {
      const decision = twinDecision({ language: 'en' }, [welsh(status, 'Paused: storm')]);
      expect(decision.kind).toBe('hold');
      if (decision.kind === 'hold') expect(decision.reason).toContain('Welsh twin');
    },
  );

  it('decides every status of the Welsh twin', () => {
    for (const status of POST_STATUSES) {
      const decision = twinDecision({ language: 'en' }, [welsh(status)]);
      expect(['go', 'wait', 'hold']).toContain(decision.kind);
      expect(decision.kind === 'go').toBe(status === 'published');
    }
  });
});
