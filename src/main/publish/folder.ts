// A feed folder: a folder a file-sync tool shares, where calendar apps subscribe to the team's
// file and each person's. Each file is replaced whole (written beside, then renamed), so a
// subscriber never reads half a file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FeedFile {
  name: string;
  content: string;
}

/** 'Engineer A' → 'engineer-a.ics'; the team's file is 'team.ics'; a rotation's 'rotation-nights.ics'. */
export const feedFileName = (person: string | null, kind: 'person' | 'rotation' = 'person') =>
  `${kind === 'rotation' ? 'rotation-' : ''}${
    person === null
      ? 'team'
      : person
          .normalize('NFKD')
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase() || 'person'
  }.ics`;

export function writeFeed(folder: string, files: readonly FeedFile[]): void {
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const path = join(folder, file.name);
    const temporary = join(folder, `.${file.name}.${process.pid}.tmp`);
    writeFileSync(temporary, file.content);
    renameSync(temporary, path);
  }
}
