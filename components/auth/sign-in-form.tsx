'use client';

import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useActionState } from 'react';
import { type SignInState, signIn } from '@/app/sign-in/actions';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {
    error: null,
    email: '',
  });
  return (
    <form action={action} noValidate>
      <Stack gap="md">
        {state.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            title="Could not sign in"
          >
            {state.error}
          </Alert>
        )}
        <input type="hidden" name="next" value={next} />
        <TextInput
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          required
          autoFocus
        />
        <PasswordInput label="Password" name="password" autoComplete="current-password" required />
        <Button type="submit" loading={pending} fullWidth size="md">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
