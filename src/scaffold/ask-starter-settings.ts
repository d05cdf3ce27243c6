import type { Readable, Writable } from 'node:stream';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { checkStarterSetting, type StarterSettings } from './starter-settings.js';

/** The terminal the questions are asked in. */
export interface PromptStreams {
  readonly input: Readable;
  readonly output: Writable;
}

const QUESTIONS: readonly { readonly key: keyof StarterSettings; readonly message: string }[] = [
  { key: 'title', message: 'Name of the site' },
  { key: 'baseUrl', message: 'URL it will be published at' },
  { key: 'locale', message: 'Language and region of dates and texts (id-ID, en, …)' },
  { key: 'timeZone', message: 'Time zone of article dates (Asia/Jakarta, UTC, …)' },
];

/**
 * Asks, in a terminal, for each setting no flag gave (an edge). Enter keeps
 * the suggestion shown; Ctrl-C stops `init` before anything is written.
 * @clack/prompts is loaded only here, so commands without questions never
 * pay for it.
 */
export async function askStarterSettings(
  suggested: StarterSettings,
  given: Partial<StarterSettings>,
  streams: PromptStreams,
): Promise<StarterSettings> {
  const prompts = await import('@clack/prompts');
  const common = { input: streams.input, output: streams.output };
  prompts.intro('newsgen init', common);
  const answers: Record<string, string> = { ...suggested, ...given };
  for (const question of QUESTIONS) {
    if (given[question.key] !== undefined) continue;
    const answer = await prompts.text({
      ...common,
      message: question.message,
      placeholder: suggested[question.key],
      defaultValue: suggested[question.key],
      validate: (value) => (value ? checkStarterSetting(question.key, value) : undefined),
    });
    if (prompts.isCancel(answer)) {
      prompts.cancel('Stopped; nothing was written.', common);
      throw new NewsgenError('newsgen init was cancelled', { code: 'init-cancelled' });
    }
    answers[question.key] = answer;
  }
  return {
    title: answers['title'] ?? suggested.title,
    baseUrl: answers['baseUrl'] ?? suggested.baseUrl,
    locale: answers['locale'] ?? suggested.locale,
    timeZone: answers['timeZone'] ?? suggested.timeZone,
  };
}
