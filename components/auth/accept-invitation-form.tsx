'use client';

// Setting a password from an invitation: the length and personal-word rules are said as the
// person types (the same pure rules the server applies); the common-password check answers on
// submit, from the server.
import {
  Alert,
  Button,
  List,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { useActionState, useState } from 'react';
import { type AcceptState, acceptInvitationAction } from '@/app/invite/actions';
import { PASSWORD_MIN_LENGTH, personalWords } from '@/lib/auth/password-rules';

function Rule({ met, children }: { met: boolean; children: string }) {
  return (
    <List.Item
      icon={
        met ? (
          <IconCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
        ) : (
          <IconX size={16} color="var(--mantine-color-gray-7)" aria-hidden />
        )
      }
    >
      <Text size="sm" component="span">
        {children}
        <VisuallyHidden>{met ? ' (done)' : ' (not yet)'}</VisuallyHidden>
      </Text>
    </List.Item>
  );
}

export function AcceptInvitationForm(props: { token: string; email: string; name: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, {
    error: null,
  });
  const [password, setPassword] = useState('');
  const long = [...password].length >= PASSWORD_MIN_LENGTH;
  const lower = password.toLowerCase();
  const personal =
    password !== '' && personalWords(props.email, props.name).some((word) => lower.includes(word));
  return (
    <form action={action} noValidate>
      <Stack gap="md">
        {state.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            title="That password cannot be used"
          >
            {state.error}
          </Alert>
        )}
        <input type="hidden" name="token" value={props.token} />
        {/* For password managers: the account the new password belongs to. */}
        <TextInput
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={props.email}
          readOnly
        />
        <PasswordInput
          label="New password"
          name="password"
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          aria-describedby="password-rules"
        />
        <div id="password-rules" aria-live="polite">
          <List spacing={4} size="sm" center>
            <Rule
              met={long}
            >{`At least ${PASSWORD_MIN_LENGTH} characters: three or four random words work well`}</Rule>
            <Rule met={password !== '' && !personal}>Not your name or email address</Rule>
          </List>
          <Text size="xs" c="gray.7" mt={6}>
            Passwords on lists of common passwords are refused too.
          </Text>
        </div>
        <Button type="submit" loading={pending} fullWidth size="md">
          Set password and sign in
        </Button>
      </Stack>
    </form>
  );
}
