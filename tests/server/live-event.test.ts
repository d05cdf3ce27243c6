import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { toOverlayErrors } from '../../src/server/live-event.js';
import { injectLiveReload, LIVE_RELOAD_CLIENT } from '../../src/server/live-reload-client.js';

describe('toOverlayErrors', () => {
  it('lists every diagnostic with its file, line, column and rule', () => {
    const error = new NewsgenError('Build failed', {
      code: 'build-failed',
      diagnostics: [
        createDiagnostic({
          file: 'content/a.md',
          place: { line: 2, column: 8 },
          reason: 'Unexpected a list for `title`, expected text',
          ruleId: 'front-matter-title',
        }),
      ],
    });
    expect(toOverlayErrors(error)).toEqual([
      {
        file: 'content/a.md',
        line: 2,
        column: 8,
        message: 'Unexpected a list for `title`, expected text (front-matter-title)',
      },
    ]);
  });

  it('falls back to the error itself', () => {
    expect(
      toOverlayErrors(new NewsgenError('Config broken', { code: 'config-syntax', file: 'newsgen.config.json' })),
    ).toEqual([{ file: 'newsgen.config.json', message: 'Config broken (config-syntax)' }]);
    expect(toOverlayErrors(new Error('boom'))).toEqual([{ file: '', message: 'boom' }]);
  });
});

describe('the live-reload client', () => {
  it('is injected before the last closing body tag, or appended', () => {
    expect(injectLiveReload('<body>a</BODY>')).toBe('<body>a<script src="/__newsgen/client.js" defer></script></BODY>');
    expect(injectLiveReload('<p>a')).toBe('<p>a<script src="/__newsgen/client.js" defer></script>');
    // Letters whose lower case is longer (İ → i̇) must not move the tag into the closing tag.
    expect(injectLiveReload('<body>İstanbul, İzmir</body></html>')).toBe(
      '<body>İstanbul, İzmir<script src="/__newsgen/client.js" defer></script></body></html>',
    );
    expect(injectLiveReload('<body><p>a</body></p></body>')).toBe(
      '<body><p>a</body></p><script src="/__newsgen/client.js" defer></script></body>',
    );
  });

  it('builds the overlay with textContent, never innerHTML', () => {
    expect(LIVE_RELOAD_CLIENT).toContain('textContent');
    expect(LIVE_RELOAD_CLIENT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
