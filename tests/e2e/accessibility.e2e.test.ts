// WCAG 2.2 AA on every page and every dialog, for each role (issue 8): axe-core finds no
// violation, with no rule switched off. The pages and dialogs are listed in
// tests/support/accessibility-pages.ts; a page added there is checked here.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wcagViolations } from '../support/accessibility';
import {
  DIALOGS,
  PAGES,
  ROLES,
  type Role,
  SIGNED_OUT_PAGES,
  type SeededIds,
  schedulePosts,
  seedNotifications,
  seededIds,
} from '../support/accessibility-pages';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let ids: SeededIds;

beforeAll(async () => {
  browser = await launchBrowser();
  ids = await seededIds(databaseUrl);
  await schedulePosts(baseUrl, ids);
  await seedNotifications(databaseUrl);
});
afterAll(async () => {
  await browser.close();
});

/** Opens a path and waits for its level-one heading: a 403 or 404 is drawn after hydration. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
}

describe('signed out', () => {
  it.each(SIGNED_OUT_PAGES)('%s has no WCAG 2.2 AA violation', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page, path);
    const violations = await wcagViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await context.close();
  });
});

// The roles run side by side, two checks at a time (maxConcurrency in vitest.config.ts): while
// the server renders one role's page, the browser runs axe on another's. Each check has its own
// tab in its role's signed-in context; a role's dialogs are opened one after another in one check,
// and every dialog's violations (or the error that kept it from opening) are reported by name.
describe.concurrent('signed in', () => {
  describe.each(Object.keys(ROLES) as Role[])('as a %s', (role) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, baseUrl, ROLES[role]);
      await page.waitForURL(`${baseUrl}/`);
      await page.close();
    });
    afterAll(async () => {
      await context.close();
    });

    it('every page has no WCAG 2.2 AA violation', async () => {
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const path of PAGES[role](ids)) {
        await open(page, path);
        const violations = await wcagViolations(page);
        if (violations.length > 0) found[path] = violations;
      }
      await page.close();
      expect(found, JSON.stringify(found, null, 2)).toEqual({});
    }, 400_000);

    const dialogs = DIALOGS.filter((dialog) => dialog.roles.includes(role));
    it(`each of its ${dialogs.length} dialogs has no WCAG 2.2 AA violation`, async () => {
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      for (const dialog of dialogs) {
        try {
          await open(page, dialog.path(ids));
          await dialog.open(page);
          const violations = await wcagViolations(page);
          if (violations.length > 0) found[dialog.name] = violations;
        } catch (error) {
          found[dialog.name] = [`could not be opened: ${String(error)}`];
        }
      }
      await page.close();
      expect(found, JSON.stringify(found, null, 2)).toEqual({});
    }, 400_000);
  });
});
