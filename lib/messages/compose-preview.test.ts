import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Publisher } from '../platforms/types';
import { DEFAULT_SIGNPOST } from '../signpost/default-signpost';
import { renderPost } from '../signpost/render-post';
import { composePreview } from './compose-preview';

const cumbria: Publisher = { slug: 'cumbria', name: 'Cumbria Constabulary', area: 'Cumbria' };

describe('composePreview', () => {
  const draft = {
    body: '{organisation} is working with Stop it Now! across {area}.',
    overrides: { bluesky: 'Help is there in {area}.' },
    organisation: cumbria,
    campaignSlug: 'stop-it-now-north-west',
    signpost: DEFAULT_SIGNPOST,
  };

  it('renders the draft for all eight platforms', () => {
    expect(Object.keys(composePreview(draft))).toEqual([...PLATFORMS]);
  });

  it('is exactly what renderPost publishes, with the override on its own platform', () => {
    const preview = composePreview(draft);
    const input = {
      organisation: cumbria,
      campaignSlug: 'stop-it-now-north-west',
      signpost: DEFAULT_SIGNPOST,
      media: [],
    };
    expect(preview.x).toEqual(renderPost('x', { ...input, body: draft.body }));
    expect(preview.bluesky).toEqual(
      renderPost('bluesky', { ...input, body: draft.overrides.bluesky }),
    );
    expect(preview.x.text).toMatch(
      /^Cumbria Constabulary is working with Stop it Now! across Cumbria\./,
    );
    expect(preview.bluesky.text).toMatch(/^Help is there in Cumbria\./);
    expect(preview.x.text).toContain('utm_campaign=stop-it-now-north-west&utm_content=cumbria');
  });
});
