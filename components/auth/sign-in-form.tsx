'use client';

import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useActionState, useEffect, useState, useTransition } from 'react';
import { findSingleSignOn, type SignInState, signIn } from '@/app/sign-in/actions';

export function SignInForm({ next, ssoError }: { next: string; ssoError?: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {
    error: null,
    email: '',
  });
  const [found, setFound] = useState<SignInState['sso']>(null);
  const [, startLookup] = useTransition();
  const sso = found ?? state.sso ?? null;
  useEffect(() => {
    if (state.goTo) window.location.assign(state.goTo);
  }, [state.goTo]);
  return (
    <form action={action} noValidate>
      <Stack gap="md">
        {ssoError && !state.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            title="Single sign-on did not sign you in"
          >
            {ssoError}
          </Alert>
        )}
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
          onBlur={(event) => {
            const email = event.currentTarget.value;
            startLookup(async () => setFound((await findSingleSignOn(email, next)).sso ?? null));
          }}
        />
        {sso && (
          <Stack gap="xs">
            {/* A plain link: the address answers with a redirect to another site. */}
            <Button
              component="a"
              href={sso.href}
              fullWidth
              size="md"
              styles={{
                root: { height: 'auto', minHeight: 42, paddingBlock: 8 },
                label: { whiteSpace: 'normal', lineHeight: 1.35 },
              }}
            >
              {`Sign in with ${sso.organisationName}’s single sign-on`}
            </Button>
            <Divider label="or with a password" labelPosition="center" />
          </Stack>
        )}
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required={!sso}
        />
        <Button
          type="submit"
          loading={pending}
          fullWidth
          size="md"
          variant={sso ? 'default' : 'filled'}
        >
          Sign in
        </Button>
        {!sso && (
          <Text size="xs" c="gray.7">
            If your organisation uses single sign-on, enter your email and choose Sign in.
          </Text>
        )}
      </Stack>
    </form>
  );
}
