import type { Migration } from './types';

// A drill's participants keep why they are there: the primary and the secondary on call at
// the drill's moment, or someone the lead added by hand. Drills recorded before this version
// did not keep it: their participants get NULL ("not recorded") rather than a guess.
export const migration0040: Migration = {
  version: 40,
  name: 'Drill participant roles',
  up(db) {
    db.exec(`
      ALTER TABLE drill_participants
        ADD COLUMN role TEXT CHECK (role IN ('primary', 'secondary', 'added'));
    `);
  },
};
