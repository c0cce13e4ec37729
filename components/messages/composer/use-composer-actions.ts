'use client';

// Saving and submitting from the composer: create or update the draft, then (to submit) send it
// for review, keeping the server's refusals to show beside the fields they name.
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  createMessageAction,
  submitMessageAction,
  updateMessageAction,
} from '@/app/(app)/messages/actions';
import { draftProblems, type DraftFields, type DraftPayload } from './use-message-draft';

export interface Refusal {
  title: string;
  error: string;
  fields: Record<string, string>;
}

interface Options {
  campaignId: string;
  messageId: string | null;
  fields: DraftFields;
  payload: DraftPayload;
  dirty: boolean;
  markSaved: () => void;
}

export function useComposerActions({
  campaignId,
  messageId,
  fields,
  payload,
  dirty,
  markSaved,
}: Options) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, startTransition] = useTransition();
  const [doing, setDoing] = useState<'save' | 'submit' | null>(null);
  // A new message has an id once its first save succeeds; later saves update that draft.
  const [savedId, setSavedId] = useState(messageId);

  /** The draft's id once saved, or null after showing why it was not. */
  async function save(title: string): Promise<string | null> {
    const problems = draftProblems(fields);
    if (Object.keys(problems).length > 0) {
      setRefusal({ title, error: 'Some fields need changing.', fields: problems });
      return null;
    }
    if (savedId) {
      if (!dirty) return savedId;
      const result = await updateMessageAction(savedId, payload);
      if (!result.ok) {
        setRefusal({ title, error: result.error, fields: result.fields ?? {} });
        return null;
      }
      markSaved();
      return savedId;
    }
    // A new message without Welsh leaves `cy` out (null is how a saved draft's Welsh is removed).
    const { cy, ...rest } = payload;
    const result = await createMessageAction({ campaignId, ...rest, ...(cy ? { cy } : {}) });
    if (!result.ok) {
      setRefusal({ title, error: result.error, fields: result.fields ?? {} });
      return null;
    }
    markSaved();
    setSavedId(result.value.id);
    return result.value.id;
  }

  const saveDraft = () =>
    startTransition(async () => {
      setDoing('save');
      setRefusal(null);
      const id = await save('The draft was not saved');
      setDoing(null);
      if (!id) return;
      notifications.show({ color: 'green', message: 'Draft saved.' });
      if (!messageId) router.replace(`/messages/${id}`);
      else router.refresh();
    });

  const submit = () =>
    startTransition(async () => {
      setDoing('submit');
      setRefusal(null);
      const id = await save('The message was not submitted');
      if (!id) return setDoing(null);
      const result = await submitMessageAction(id);
      setDoing(null);
      if (!result.ok) {
        setRefusal({
          title: 'The message was saved as a draft but not submitted',
          error: result.error,
          fields: result.fields ?? {},
        });
        // Stay on this page, so the problems stay beside the fields, at the draft's own address.
        if (!messageId) window.history.replaceState(null, '', `/messages/${id}`);
        return;
      }
      const warnings = result.value.warnings.length;
      notifications.show({
        color: 'green',
        title: result.message,
        message:
          warnings > 0
            ? `${warnings === 1 ? 'One thing' : `${warnings} things`} to know before publishing: see the checks on the message.`
            : 'It passed every check on every platform.',
      });
      router.push(`/messages/${id}`);
      router.refresh();
    });

  return { refusal, pending, doing, saveDraft, submit };
}
