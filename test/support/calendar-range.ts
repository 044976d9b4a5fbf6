// The month the renderer's calendar tests look at: November 2026 as the month view shows it
// (Mon 26 Oct to Sun 6 Dec, New York midnights), the quarter its roster figures cover.
import type { VisibleRange } from '../../src/renderer/store/slices/calendar';

export const NOVEMBER: VisibleRange = {
  from: '2026-10-26T04:00:00.000Z',
  to: '2026-12-07T05:00:00.000Z',
  firstDate: '2026-10-26',
  lastDate: '2026-12-06',
  quarterDate: '2026-11-01',
};
