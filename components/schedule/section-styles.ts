import type { FieldsetProps } from '@mantine/core';

/** The dialog's fieldsets read as sections: an unstyled fieldset with a legend like a heading. */
export const SECTION_STYLES: FieldsetProps['styles'] = {
  legend: { fontWeight: 650, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 6 },
};
