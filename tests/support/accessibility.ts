// WCAG 2.2 AA, checked by axe-core in the page as a person sees it (issue 8). One helper for
// every e2e test that checks a page or dialog, so every check runs the same rules.
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe leaves its experimental rules out even when their tags are asked for; the ones that test a
// WCAG A or AA criterion are switched on too, so nothing at that level goes unchecked.
const EXPERIMENTAL_WCAG_RULES = axe
  .getRules(WCAG_TAGS)
  .filter((rule) => rule.tags.includes('experimental'))
  .map((rule) => rule.ruleId);

/**
 * Waits until nothing moves: a dialog half faded in would be measured at half its contrast. A
 * server refresh after an action (router.refresh) swaps the streamed <title> for a moment; the
 * wait for it is bounded, so a page that truly has no title still fails axe's document-title.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  await page
    .waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 })
    .catch(() => undefined);
}

/** Every WCAG 2.2 A and AA violation on the page, one line per element, for a readable failure. */
export async function wcagViolations(page: Page): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: WCAG_TAGS },
      rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((id) => [id, { enabled: true }])),
    })
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
}
