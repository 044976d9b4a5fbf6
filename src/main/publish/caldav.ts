// The calendar server as publishing sees it, spoken through tsdav: what is there (ETags),
// create only where nothing is, replace or delete only what is still as Watchbill left it.
import { createCalendarObject, deleteCalendarObject, getBasicAuthHeaders, propfind, updateCalendarObject } from 'tsdav';

export type WriteAnswer = { ok: true; etag: string | null } | { ok: false; conflict: true; status: number };

export interface CalendarServer {
  /** href → ETag of every object in the calendar. */
  etags(): Promise<Map<string, string>>;
  create(name: string, ics: string): Promise<WriteAnswer>;
  update(href: string, ics: string, etag: string): Promise<WriteAnswer>;
  remove(href: string, etag: string): Promise<WriteAnswer>;
}

/** The server could not be reached or refused the account: nothing was changed, the publish waits. */
export class ServerUnavailable extends Error {
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'refused',
  ) {
    super(message);
    this.name = 'ServerUnavailable';
  }
}

const slash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function caldavServer(calendarUrl: string, username: string, password: string): CalendarServer {
  const url = slash(calendarUrl);
  const headers = () => getBasicAuthHeaders({ username, password });
  const absolute = (href: string) => new URL(href, url).href;

  /** Network failures and refusals become ServerUnavailable; the password is never part of a message. */
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ServerUnavailable) throw error;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new ServerUnavailable(
        `the calendar server at ${new URL(url).origin} cannot be reached (${cause ?? (error as Error).message})`,
        'unreachable',
      );
    }
  };
  const check = (status: number) => {
    if (status === 401 || status === 403)
      throw new ServerUnavailable(`the calendar server refused the user name or password (${status})`, 'refused');
    if (status === 404) throw new ServerUnavailable(`there is no calendar at ${url} (404)`, 'refused');
    if (status >= 500) throw new ServerUnavailable(`the calendar server failed (${status})`, 'unreachable');
  };
  const answer = (response: Response): WriteAnswer => {
    check(response.status);
    if (response.status === 412) return { ok: false, conflict: true, status: 412 };
    if (!response.ok) throw new ServerUnavailable(`the calendar server answered ${response.status}`, 'refused');
    return { ok: true, etag: response.headers.get('etag') };
  };

  return {
    etags: () =>
      guard(async () => {
        const responses = await propfind({ url, props: { 'd:getetag': {} }, depth: '1', headers: headers() });
        const map = new Map<string, string>();
        for (const response of responses) {
          check(response.status);
          const etag: unknown = response.props?.getetag;
          if (!response.href || typeof etag !== 'string') continue;
          const href = absolute(response.href);
          if (href !== url) map.set(href, etag);
        }
        return map;
      }),
    create: (name, ics) =>
      guard(async () =>
        answer(await createCalendarObject({ calendar: { url }, filename: name, iCalString: ics, headers: headers() })),
      ),
    update: (href, ics, etag) =>
      guard(async () =>
        answer(
          await updateCalendarObject({
            calendarObject: { url: href, etag, data: ics },
            headers: headers(),
          }),
        ),
      ),
    remove: (href, etag) =>
      guard(async () => {
        const response = await deleteCalendarObject({ calendarObject: { url: href, etag }, headers: headers() });
        // Already gone is what was wanted.
        if (response.status === 404) return { ok: true, etag: null };
        return answer(response);
      }),
  };
}

export const absoluteHref = (calendarUrl: string, name: string) => new URL(name, slash(calendarUrl)).href;
