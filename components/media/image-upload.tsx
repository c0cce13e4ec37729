'use client';

// The composer's images: pick files, upload each to POST /api/v1/media (the session cookie goes
// with a same-origin fetch), then show its thumbnail with a required alt-text box. The server
// judges every file; the size check here only saves sending 40 MB to be told it is too large.
import {
  Button,
  CloseButton,
  FileButton,
  Group,
  Image,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPhotoPlus } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { z } from 'zod';
import { ErrorBody } from '@/lib/api/errors';
import {
  IMAGE_TYPES,
  MAX_ALT_TEXT_LENGTH,
  MAX_UPLOAD_BYTES,
  formatFileSize,
  tooLargeMessage,
} from '@/lib/media/upload-limits';

export interface ComposerImage {
  mediaId: string;
  altText: string;
  thumbnailUrl: string;
}

export interface ImageUploadProps {
  value: ComposerImage[];
  onChange: (value: ComposerImage[]) => void;
  maxImages: number;
  disabled?: boolean;
}

const Uploaded = z.object({ id: z.string(), thumbnailUrl: z.string() });

const ALT_TEXT_HINT = 'Describe the image for people who cannot see it';
const count = new Intl.NumberFormat('en-GB');

type UploadOutcome = { ok: true; image: ComposerImage } | { ok: false; message: string };

async function uploadImage(file: File): Promise<UploadOutcome> {
  if (file.size > MAX_UPLOAD_BYTES)
    return { ok: false, message: `${file.name}: ${tooLargeMessage(file.size)}` };
  const form = new FormData();
  form.set('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/media', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
    });
  } catch (error) {
    console.warn('image upload failed to send', error);
    return {
      ok: false,
      message: `${file.name} did not reach Signpost. Check your connection and try again.`,
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const uploaded = Uploaded.safeParse(body);
    if (uploaded.success) {
      return {
        ok: true,
        image: { mediaId: uploaded.data.id, altText: '', thumbnailUrl: uploaded.data.thumbnailUrl },
      };
    }
  }
  const failure = ErrorBody.safeParse(body);
  if (response.status === 401)
    return { ok: false, message: 'Your session has ended. Sign in again, then add the image.' };
  if (failure.success) return { ok: false, message: `${file.name}: ${failure.data.error.message}` };
  return {
    ok: false,
    message: `${file.name} could not be uploaded (the server answered ${response.status}). Try again.`,
  };
}

export function ImageUpload({ value, onChange, maxImages, disabled = false }: ImageUploadProps) {
  const [uploading, setUploading] = useState<{ key: number; name: string }[]>([]);
  const nextKey = useRef(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const errorId = useId();
  const statusId = useId();
  // Uploads finish after renders that may have changed the list (an alt text typed meanwhile):
  // new images are added to the latest list, not to the one the upload started from.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const room = Math.max(0, maxImages - value.length - uploading.length);

  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    const chosen = files.slice(0, room);
    const problems: string[] = [];
    if (files.length > chosen.length) {
      const left = files.length - chosen.length;
      problems.push(
        `A message takes up to ${maxImages} images, so ${left === 1 ? '1 file was' : `${left} files were`} not added.`,
      );
    }
    setErrors([...problems]);
    const batch = chosen.map((file) => ({ key: nextKey.current++, name: file.name }));
    setUploading((current) => [...current, ...batch]);
    const outcomes = await Promise.all(chosen.map(uploadImage));
    setUploading((current) => current.filter((item) => !batch.includes(item)));

    const added: ComposerImage[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        problems.push(outcome.message);
      } else if (
        [...latest.current, ...added].some((image) => image.mediaId === outcome.image.mediaId)
      ) {
        // The server gives the same id for the same file: the message already has this image.
        problems.push('That image is already attached to this message.');
      } else {
        added.push(outcome.image);
      }
    }
    setErrors([...problems]);
    if (added.length > 0) onChange([...latest.current, ...added]);
  }

  function setAltText(mediaId: string, altText: string) {
    onChange(value.map((image) => (image.mediaId === mediaId ? { ...image, altText } : image)));
  }

  function remove(mediaId: string) {
    onChange(value.filter((image) => image.mediaId !== mediaId));
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <FileButton
          onChange={(files) => void addFiles(files)}
          accept={IMAGE_TYPES.join(',')}
          multiple
          disabled={disabled || room === 0}
          inputProps={{ 'aria-describedby': errors.length > 0 ? errorId : undefined }}
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconPhotoPlus size={16} aria-hidden />}
              disabled={disabled || room === 0}
              aria-describedby={[statusId, errors.length > 0 ? errorId : null]
                .filter(Boolean)
                .join(' ')}
            >
              Add images
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed" id={statusId}>
          {value.length} of {maxImages} images. JPEG, PNG or WebP, up to{' '}
          {formatFileSize(MAX_UPLOAD_BYTES)} each.
        </Text>
      </Group>

      <div aria-live="polite">
        {uploading.map(({ key, name }) => (
          <Group key={key} gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Uploading {name}…</Text>
          </Group>
        ))}
      </div>

      {errors.length > 0 && (
        <Stack gap={2} id={errorId} role="alert">
          {errors.map((message) => (
            <Text key={message} size="sm" c="red">
              {message}
            </Text>
          ))}
        </Stack>
      )}

      {value.map((image, index) => {
        const number = index + 1;
        const missing = image.altText.trim() === '' && touched.has(image.mediaId);
        return (
          <Paper key={image.mediaId} withBorder p="sm" radius="md">
            <Group align="flex-start" gap="md" wrap="nowrap">
              <Image
                src={image.thumbnailUrl}
                alt={image.altText.trim() || `Image ${number}, not yet described`}
                w={120}
                h={120}
                fit="contain"
                radius="sm"
              />
              <Textarea
                style={{ flex: 1 }}
                label={`Alt text for image ${number}`}
                description={`${ALT_TEXT_HINT}. ${count.format(image.altText.length)} of ${count.format(MAX_ALT_TEXT_LENGTH)} characters.`}
                required
                autosize
                minRows={2}
                maxRows={6}
                maxLength={MAX_ALT_TEXT_LENGTH}
                value={image.altText}
                error={missing ? `Add alt text: ${ALT_TEXT_HINT.toLowerCase()}.` : undefined}
                onChange={(event) => setAltText(image.mediaId, event.currentTarget.value)}
                onBlur={() => setTouched((current) => new Set(current).add(image.mediaId))}
                disabled={disabled}
              />
              <CloseButton
                aria-label={`Remove image ${number}`}
                title={`Remove image ${number}`}
                onClick={() => remove(image.mediaId)}
                disabled={disabled}
              />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
