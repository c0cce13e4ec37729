import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, formatFileSize, tooLargeMessage } from './upload-limits';

describe('upload limits in plain words', () => {
  it('gives sizes as people read them', () => {
    expect(formatFileSize(16.2 * 1024 * 1024)).toBe('16.2 MB');
    expect(formatFileSize(840 * 1024)).toBe('840 KB');
    expect(formatFileSize(12)).toBe('1 KB');
  });

  it('names the file’s size and the limit when a file is too large', () => {
    expect(tooLargeMessage(20 * 1024 * 1024)).toBe(
      'That file is 20 MB; images can be at most 15 MB.',
    );
  });

  it('gives exact bytes when both sizes would round to 15 MB', () => {
    expect(tooLargeMessage(MAX_UPLOAD_BYTES + 1)).toBe(
      'That file is 15,728,641 bytes; images can be at most 15,728,640 bytes.',
    );
  });
});
