import type { ErrorCodeInfo } from './error-code-info.js';

/**
 * Codes of front matter as a whole (its fences and its YAML), besides the
 * `front-matter-<field>` code of each field; part of `ERROR_CODES`.
 */
export const FRONT_MATTER_CODES = {
  'front-matter-missing': {
    title: 'A content file has no front matter',
    hint: 'Start the file with a front matter block between two `---` lines.',
  },
  'front-matter-unclosed': {
    title: 'Front matter is not closed',
    hint: 'End the front matter with a line of three dashes (`---`).',
  },
  'front-matter-yaml': {
    title: 'Front matter is not valid YAML',
    hint: 'Fix the YAML at the place shown; quote text that holds a colon or starts with a special character.',
  },
  'front-matter-comment': {
    title: 'A comment cut a front matter value short',
    hint: 'Quote the value (`title: "Nomor #1 di kota"`): YAML reads a space and `#` as the start of a comment and drops the rest of the line.',
  },
} satisfies Record<string, ErrorCodeInfo>;
