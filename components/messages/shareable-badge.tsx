import { Badge, Tooltip } from '@mantine/core';

/** Whether partners (councils, charities) may publish the message once it is approved. */
export function ShareableBadge({ shareable }: { shareable: boolean }) {
  return shareable ? (
    <Tooltip label="Partners such as councils may publish it once it is approved" withArrow>
      <Badge color="teal" variant="outline" tt="none" radius="sm">
        Shareable
      </Badge>
    </Tooltip>
  ) : (
    <Tooltip label="Only the police forces and NW ROCU publish it" withArrow>
      <Badge color="gray" variant="outline" tt="none" radius="sm">
        Forces only
      </Badge>
    </Tooltip>
  );
}
