/** Why the build in `root`/out cannot be used (one sentence without a full stop), or null when it is current. */
export function staleBuildReason(root: string): string | null;
