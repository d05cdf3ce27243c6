/** What the catalogue says about one code: a short title, and what a user does about it. */
export interface ErrorCodeInfo {
  readonly title: string;
  readonly hint: string;
}
