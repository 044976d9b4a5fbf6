// The app's first download is the shell and what every screen needs: the calendar's code
// (FullCalendar) and the channels' schemas (zod, for the forms' checks) come with the screens
// that use them, so the first screen is up sooner. A type-only import turning into a real one
// pulls a whole library into it without any other sign.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT } from './support/server';

const built = join(REPO_ROOT, 'out', 'renderer');

test('the first chunk the page loads holds neither the calendar nor the schema library', () => {
  const html = readFileSync(join(built, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const code = readFileSync(join(built, entry!), 'utf8');
  // Asked as yes/no: a failure would otherwise print the whole chunk.
  expect(code.includes('Watchbill'), `${entry} is the app's entry`).toBe(true);
  expect(code.includes('fc-daygrid'), `${entry} holds FullCalendar's month grid`).toBe(false);
  expect(code.includes('ZodError'), `${entry} holds zod`).toBe(false);
});
