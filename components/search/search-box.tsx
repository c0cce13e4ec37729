'use client';

import { ActionIcon, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { MAX_SEARCH_LENGTH } from '@/lib/search/search-terms';

/**
 * Words to look for, kept in the address as `q` beside the page's other filters: Enter searches,
 * the cross (or an empty box) clears it.
 */
export function SearchBox({
  value,
  label = 'Search',
  placeholder,
  w = 280,
}: {
  value?: string;
  label?: string;
  placeholder: string;
  w?: number;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [text, setText] = useState(value ?? '');
  const go = (q: string) => {
    const params = new URLSearchParams(search);
    // A new search starts again from the first page.
    params.delete('cursor');
    if (q.trim()) params.set('q', q.trim());
    else params.delete('q');
    router.push(`${pathname}?${params.toString()}`);
  };
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        go(text);
      }}
    >
      <TextInput
        type="search"
        name="q"
        label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        maxLength={MAX_SEARCH_LENGTH}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          text ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Clear the search"
              onClick={() => {
                setText('');
                go('');
              }}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          ) : null
        }
        w="100%"
        maw={w}
      />
    </form>
  );
}
