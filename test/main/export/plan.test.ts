import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { CHROMIUM_ARGS } from '../../../src/main/chromium';
import { findChromium } from '../../../src/main/export/pdf';
import { mdText, PLAN_SECTIONS } from '../../../src/main/export/plan';
import { planHtml } from '../../../src/main/export/plan-html';
import { testApp } from '../../support/app';
import { callOk } from './support';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

describe('the plan document', () => {
  it('has every section of the seed plans, filled from the example team', async () => {
    const file = await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'md' });
    const md = file.content;
    expect(file.filename).toBe('watchbill-plan-2026-Q4.md');
    PLAN_SECTIONS.forEach((section, i) => expect(md).toContain(`## ${i + 1}. ${section}`));
    // Ownership with reasons.
    expect(md).toContain(
      "| Growth | Aggregate Growth | Engineer C | Engineer D | Engineer C has worked on growth tracking systems, complemented by D's analytical skills. |",
    );
    // The rotation table, and the holiday cover in words.
    expect(md).toMatch(/\| 1 \| Thu\u00a01\u00a0Oct – Wed\u00a07\u00a0Oct \| Engineer\u00a0D \| Engineer\u00a0A \|/);
    // A quarter that starts on a hand-off day starts with that day's shift.
    expect(md).not.toMatch(/Shift began/);
    expect(md).toContain('Engineer A is primary from Thu 26 Nov 09:00 to Sun 29 Nov 21:00 instead of Engineer D.');
    expect(md).toContain(
      'Engineer D covers Christmas Eve and Christmas Day. Engineer D is primary from Thu 24 Dec 09:00 to Sat 26 Dec 09:00.',
    );
    expect(md).toContain('Christmas Day, Fri 25 Dec (weight 3): Engineer D primary, Engineer A secondary');
    // Runbooks: the three investor pipelines come before the experiment ones.
    const order = [...md.matchAll(/^### (Profit|Growth|Engagement) — (.+)$/gm)].map((m) => m[2]);
    expect(order).toEqual([
      'Aggregate Profit',
      'Aggregate Growth',
      'Aggregate Engagement',
      'Unit-level Profit',
      'Daily Growth',
    ]);
    expect(md).toContain('##### 1. Data freshness issues');
    // SLAs with why they matter, risks with mitigations, drills and review cadence.
    expect(md).toMatch(
      /Reports must be available to investors by 9 AM next business day\. \(by 09:00 the next business day \(America\/New\\?_York\)\) \| Delays in reporting profitability/,
    );
    expect(md).toContain('Implement data quality checks using Great Expectations or dbt tests.');
    expect(md).toContain('### Business logic issues');
    expect(md).toContain('reviewed quarterly');
    expect(md).toContain('The next review is due in the first week of January 2027.');
    expect(md).toContain('Emergency-response drills run twice a year');
  });

  it('starts the on-call table with the shift that covers the quarter’s first day', async () => {
    // 2027-Q1 begins on Friday 1 January, inside the shift handed over on Thursday 31 December.
    const md = (await callOk(app, 'export:plan', { quarterOf: '2027-02-01', format: 'md' })).content;
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows[0]).toBe(
      "| 1 | Fri\u00a01\u00a0Jan – Wed\u00a06\u00a0Jan | Engineer\u00a0A | Engineer\u00a0B | Shift began Thu 31 Dec, before the quarter; New Year's Day (Fri 1 Jan); Engineer C primary Thu 31 Dec 09:00–Sat 2 Jan 09:00 |",
    );
    expect(rows[1]).toMatch(/^\| 2 \| Thu\u00a07\u00a0Jan – Wed\u00a013\u00a0Jan \|/);
    expect(rows[rows.length - 1]).toMatch(/^\| 13 \| Thu\u00a025\u00a0Mar – Wed\u00a031\u00a0Mar \|/);
  });

  it('shows what people typed as text, never as Markdown or HTML', async () => {
    expect(mdText('<script>alert(1)</script> *bold* | pipe [link](javascript:x)')).toBe(
      '\\<script\\>alert(1)\\</script\\> \\*bold\\* \\| pipe \\[link\\](javascript:x)',
    );
    const [row] = app.repos.pipelines.listOwnerships();
    const { pipelineId, primaryEngineerId, secondaryEngineerId } = row!;
    await callOk(app, 'ownership:set', {
      pipelineId,
      primaryEngineerId,
      secondaryEngineerId,
      reason: '<img src=x onerror=alert(1)> | **loud**',
    });
    const html = (await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'html' })).content;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; | **loud**');
    expect(html).not.toContain('<img');
    // Raw HTML that reaches the renderer anyway is shown, not run.
    expect(planHtml('<b>raw</b>\n\n<div onclick="x">block</div>', 't')).not.toMatch(/<b>|<div onclick/);
  });

  it('prints names and reasons that look like addresses as text, never as links', async () => {
    const [engineer] = app.repos.engineers.list();
    await callOk(app, 'engineers:save', { ...engineer!, name: '=HYPERLINK("http://x","y")' });
    const [row] = app.repos.pipelines.listOwnerships();
    await callOk(app, 'ownership:set', {
      pipelineId: row!.pipelineId,
      primaryEngineerId: row!.primaryEngineerId,
      secondaryEngineerId: row!.secondaryEngineerId,
      reason: 'see http://x or www.example.org, ask lead@example.org',
    });
    const html = (await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'html' })).content;
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).toContain('see http://x or www.example.org, ask lead@example.org');
    // The example team lists no dashboards, the only links the plan makes.
    expect(html).not.toContain('<a ');
    // A dashboard address, which the builder writes as <url>, still becomes a link.
    expect(planHtml('Dashboards: <https://dash.example/x>', 't')).toContain('<a href="https://dash.example/x">');
  });
});

describe('the plan in Chromium', { timeout: 120_000 }, () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'watchbill-plan-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('renders the HTML with every section and table visible', async () => {
    const executablePath = findChromium(); // fails with what to install when Chromium is missing
    const html = (await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'html' })).content;
    const profile = mkdtempSync(join(work, 'profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setContent(html);
      const headings = await page.locator('h2').allInnerTexts();
      expect(headings).toEqual(PLAN_SECTIONS.map((s, i) => `${i + 1}. ${s}`));
      expect(await page.locator('table').count()).toBeGreaterThanOrEqual(7);
      // A string, so the test compiles without the DOM types: the page's own width against the window's.
      const width = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
      expect(width[0]).toBeLessThanOrEqual(width[1]!); // nothing runs off the side
    } finally {
      await context.close();
    }
  });

  it('prints to a PDF whose pages are all real pages with content (pdftoppm)', async () => {
    findChromium();
    const pdftoppm = (() => {
      try {
        execFileSync('pdftoppm', ['-v'], { stdio: 'pipe' });
        return 'pdftoppm';
      } catch {
        throw new Error('This test needs pdftoppm (Debian/Ubuntu: apt-get install -y poppler-utils).');
      }
    })();
    const file = await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'pdf' });
    expect(file).toMatchObject({
      mimeType: 'application/pdf',
      encoding: 'base64',
      filename: 'watchbill-plan-2026-Q4.pdf',
    });
    const pdf = Buffer.from(file.content, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfPath = join(work, 'plan.pdf');
    writeFileSync(pdfPath, pdf);
    execFileSync(pdftoppm, ['-r', '30', '-gray', pdfPath, join(work, 'page')]);
    const pages = readdirSync(work)
      .filter((f) => /^page-\d+\.pgm$/.test(f))
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect(inkShare(readFileSync(join(work, page))), page).toBeGreaterThan(0.01);
    // No page ends with a heading or a label whose content is on the next page ("Resolution:",
    // "2. Data inconsistencies"): the last line of each page's text is content.
    const md = (await callOk(app, 'export:plan', { quarterOf: '2026-11-01', format: 'md' })).content;
    const headings = new Set(
      md
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) =>
          l
            .replace(/^#+\s*/, '')
            .replace(/\\/g, '')
            .toLowerCase(),
        ),
    );
    for (let n = 1; n <= pages.length; n += 1) {
      const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' });
      const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^\d+ \/ \d+$/.test(l));
      const lastLine = lines[lines.length - 1] ?? '';
      expect(lastLine.endsWith(':') || headings.has(lastLine.toLowerCase()), `page ${n} ends with '${lastLine}'`).toBe(
        false,
      );
    }
  });
});

/** The share of pixels that are not white in a binary PGM (P5) image: a blank page is ~0. */
function inkShare(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a PGM image');
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return ink / pixels.length;
}
