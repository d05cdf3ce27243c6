/** Worker threads: a number, or `auto` for one per core once there are enough files to pay for them. */
export type Concurrency = number | 'auto';
