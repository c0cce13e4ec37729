'use client';

// What stopped a save or a submission, each problem linked to the field it is about, so a
// keyboard or screen-reader user can go straight there.
import { Alert, Anchor, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { platformRules } from '@/lib/platforms/rules';
import { Platform } from '@/lib/platforms/types';

/** The field's name as the form labels it, and the id of the element to move to. */
export function fieldTarget(path: string): { label: string; id: string } {
  const [head, second] = path.split('.');
  if (head === 'overrides' && second) {
    const platform = Platform.safeParse(second);
    if (platform.success) {
      return { label: `${platformRules[platform.data].label} version`, id: `field-${path}` };
    }
  }
  switch (head) {
    case 'title':
      return { label: 'Title', id: 'field-title' };
    case 'theme':
      return { label: 'Theme', id: 'field-theme' };
    case 'body':
      return { label: 'Message', id: 'field-body' };
    case 'shareable':
      return { label: 'Shareable', id: 'field-shareable' };
    case 'media':
      return {
        label: second === undefined ? 'Images' : `Image ${Number(second) + 1}`,
        id: 'field-media',
      };
    default:
      return { label: 'The message', id: 'field-title' };
  }
}

function goTo(id: string) {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target?.focus({ preventScroll: true });
}

export function FieldProblems({
  title,
  error,
  fields,
}: {
  title: string;
  error: string;
  fields: Record<string, string>;
}) {
  const entries = Object.entries(fields);
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      data-testid="composer-problems"
    >
      {entries.length === 0 ? (
        error
      ) : (
        <List size="sm" spacing={4}>
          {entries.map(([path, text]) => {
            const target = fieldTarget(path);
            return (
              <List.Item key={path}>
                <Anchor
                  href={`#${target.id}`}
                  size="sm"
                  fw={600}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(target.id);
                  }}
                >
                  {target.label}
                </Anchor>
                : {text}
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}
