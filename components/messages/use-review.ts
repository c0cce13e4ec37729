'use client';

// Approving and rejecting, shared by the message page and the Approvals queue.
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { approveMessageAction, rejectMessageAction } from '@/app/(app)/messages/actions';
import { warningsStillApply } from './review-words';

export function useReview(messageId: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [pending, startTransition] = useTransition();

  const approve = () =>
    startTransition(async () => {
      setError(null);
      const result = await approveMessageAction(messageId);
      if (!result.ok) return setError(result.error);
      const warnings = result.value.warnings.length;
      notifications.show({
        color: 'green',
        title: result.message,
        message: warningsStillApply(warnings),
      });
      router.refresh();
    });

  const reject = async (reason: string) => {
    const result = await rejectMessageAction(messageId, { reason });
    if (!result.ok) return result;
    notifications.show({ color: 'green', message: result.message });
    setRejecting(false);
    router.refresh();
    return { ok: true as const };
  };

  return {
    approve,
    reject,
    pending,
    error,
    rejecting,
    openReject: () => setRejecting(true),
    closeReject: () => setRejecting(false),
  };
}
