/** Why a deactivated organisation's posts are held, in the words the Schedule page shows. Pure. */
export const deactivatedReason = (name: string) =>
  `${name} has been deactivated in Signpost; its posts are held until an administrator reactivates it.`;
