// The Facebook Pages a sandbox person manages, and the Instagram professional account linked to
// one of them: what GET /me/accounts lists after Facebook Login. The same for every person, so a
// test or a demo knows what it will be offered.
export interface SandboxPage {
  id: string;
  name: string;
  username: string;
  instagram: { id: string; username: string } | null;
}

export const SANDBOX_FACEBOOK_PAGES: readonly SandboxPage[] = [
  {
    id: '100000000000101',
    name: 'Sandbox Constabulary',
    username: 'sandboxconstabulary',
    instagram: { id: '17841400000000101', username: 'sandboxconstabulary' },
  },
  {
    id: '100000000000102',
    name: 'Sandbox Community Safety Partnership',
    username: 'sandboxcsp',
    instagram: null,
  },
];

/** The Instagram account linked to the Page, reached with the Page's token as on Meta. */
export function instagramAccountOfPage(pageId: string): string | null {
  return SANDBOX_FACEBOOK_PAGES.find((page) => page.id === pageId)?.instagram?.id ?? null;
}
