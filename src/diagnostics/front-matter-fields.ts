import { PAGE_FIELDS } from './site-codes.js';

/** Front matter fields whose problems carry a `front-matter-<field>` code. */
export const FRONT_MATTER_FIELDS = [
  'title',
  'date',
  'updated',
  'expires',
  'author',
  'authors',
  'section',
  'tags',
  'image',
  'caption',
  'summary',
  'slug',
  'id',
  'dateline',
  'editor',
  'draft',
  'corrections',
  'kind',
  'sponsor',
  'live',
  'name',
  'role',
  'avatar',
  ...PAGE_FIELDS,
] as const;

/** A front matter field with a code of its own. */
export type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];
