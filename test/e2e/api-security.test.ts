import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openWatchbill, type Session } from './support/browser';
import { THANKSGIVING_SPLIT } from './support/instants';

// One server for the file: no test here changes anything (the refused writes are the point, and
// the last test checks they left no trace), and none uses a screen. Who is on call does not
// matter to the API's border, so the suite's usual moment serves.
let session: Session;

beforeAll(async () => {
  session = await openWatchbill({ now: THANKSGIVING_SPLIT });
});

afterAll(async () => {
  await session?.close();
});

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** A call made by the page itself: its own origin, its own cookie. */
function callFromPage(channel: string, body: unknown): Promise<Answer> {
  return session.page.evaluate(
    async ({ channel, body }) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Answer;
    },
    { channel, body },
  );
}

describe('The browser host refuses what does not come from the app', () => {
  test('a request without the secret gets 403', async () => {
    const response = await fetch(`${session.server.origin}/api/engineers:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('Engineer A');
  });

  test('a request with the secret but from a foreign Origin gets 403', async () => {
    const response = await fetch(`${session.server.origin}/api/engineers:list`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `watchbill_secret=${encodeURIComponent(session.server.secret)}`,
        Origin: 'http://evil.example',
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    // The same request from our own origin is answered: the Origin alone made the difference.
    const own = await fetch(`${session.server.origin}/api/engineers:list`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `watchbill_secret=${encodeURIComponent(session.server.secret)}`,
        Origin: session.server.origin,
      },
      body: '{}',
    });
    expect(own.status).toBe(200);
    expect(((await own.json()) as Answer).ok).toBe(true);
  });

  test('an invalid payload is refused as invalid_input naming the field, and nothing changes', async () => {
    const before = await callFromPage('pipelines:list', {});
    expect(before.ok).toBe(true);

    const answer = await callFromPage('ownership:set', {
      pipelineId: 1,
      primaryEngineerId: 'Engineer A',
      secondaryEngineerId: 2,
      reason: 'should not be written',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answer.error?.message).toContain('primaryEngineerId');

    const unknownField = await callFromPage('ownership:set', {
      pipelineId: 1,
      primaryEngineerId: 1,
      secondaryEngineerId: 2,
      reason: 'should not be written',
      approvedBy: 'nobody',
    });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(unknownField.error?.message).toContain('approvedBy');

    const unknownChannel = await callFromPage('pipelines:drop', {});
    expect(unknownChannel).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

    const after = await callFromPage('pipelines:list', {});
    expect(after).toEqual(before);
    const history = await callFromPage('ownership:history', { pipelineId: 1 });
    expect(JSON.stringify(history)).not.toContain('should not be written');
  });
});
