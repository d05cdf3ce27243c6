/** What a build leaves out of the site for now (see `countHeldBack`); a type of the public API, kept apart from the model's. */
export interface HeldBack {
  /** Articles dated after the build clock (without `future`), drafts aside. */
  readonly scheduled: number;
  /** The date of the soonest of them, as the site's zone writes it (ISO 8601 with its offset). */
  readonly next: string | undefined;
  /** Drafts (without `drafts`), scheduled or not. */
  readonly drafts: number;
}
