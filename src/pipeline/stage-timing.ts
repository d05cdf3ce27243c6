/** One stage's share of a build. */
export interface StageTiming {
  readonly stage: 'inputs' | 'process' | 'model' | 'images' | 'render' | 'write' | 'save';
  readonly ms: number;
}
