/** How far a long computation has come: `done` of `total` steps. Called often; cheap callers only. */
export type ProgressReport = (done: number, total: number) => void;
