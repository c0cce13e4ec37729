// The schedule dialog's choices for a message on the "Ready to schedule" page, from what the list
// already judged (the organisation, its active channels, each channel's render check), so opening
// it for "another time" costs no further queries and offers nothing the list would not.
import type { ReadyList, ReadyMessage } from './ready-view';
import type { SchedulingOptions } from './scheduling-options';

export function readySchedulingOptions(
  organisation: ReadyList['organisation'],
  message: ReadyMessage,
): SchedulingOptions {
  const platformProblems: SchedulingOptions['platformProblems'] = {};
  for (const channel of message.channels) {
    const problem = channel.problems[0];
    if (!channel.valid && problem) platformProblems[channel.platform] ??= problem.message;
  }
  return {
    organisations: [organisation],
    channels: message.channels.map(({ id, platform, handle }) => ({
      id,
      organisationId: organisation.id,
      platform,
      handle,
      status: 'active' as const,
    })),
    defaultOrganisationSlugs: [organisation.slug],
    messageShareable: message.shareable,
    platformProblems,
  };
}
