// How fairness figures are shown, once for every place that shows them (screens, the CLI,
// the CSV export, the printed plan): the one rounding rule, the columns with their wording,
// and the plain-word meanings of "weighted burden", "fair share" and "carried in".
import type { FairnessWeights } from './fairness';
import type { LedgerRow } from './ledger';

/** Fairness figures are shown to one decimal: finer digits only suggest a precision the weights do not have. */
export const FIGURE_DIGITS = 1;

/** The one rounding of a fairness figure: halves away from zero, so +x and −x show alike; never −0. */
export function roundFigure(value: number): number {
  const scale = 10 ** FIGURE_DIGITS;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/** '12.5', '−0.5' (a real minus sign). */
export function formatFigure(value: number): string {
  const rounded = roundFigure(value);
  const text = Math.abs(rounded).toFixed(FIGURE_DIGITS);
  return rounded < 0 ? `−${text}` : text;
}

/** '+1.5', '−0.5', '0.0': for differences and balances, where the direction is the point. */
export function formatSignedFigure(value: number): string {
  const rounded = roundFigure(value);
  return rounded > 0 ? `+${formatFigure(rounded)}` : formatFigure(rounded);
}

export const FAIR_SHARE_MEANING =
  'Fair share: each day’s on-call burden shared equally among the people on the team who are not away that day, ' +
  'so someone who was away for a week, or joined mid-quarter, has a smaller fair share.';

export const CARRIED_IN_MEANING =
  'Carried in: the balance from before the period (burden minus fair share, with any imported history and opening ' +
  'balance), as the carry-over policy counts it.';

/** "Weighted burden" in words, with the team's own weights. */
export function weightedBurdenMeaning(weights: FairnessWeights): string {
  const backup = weights.secondaryFactor === 0.25 ? 'a quarter' : `${weights.secondaryFactor} times`;
  return (
    `Weighted burden: on-call days counted by what they cost. A weekday as primary counts ${weights.weekday}, ` +
    `a weekend day ${weights.weekendDay}, a public holiday its own weight (usually 2, a major holiday such as ` +
    `Christmas 3); a day as backup counts ${backup} of that.`
  );
}

export type FigureKind = 'days' | 'count' | 'burden' | 'signed';

export interface FairnessColumn {
  key: keyof Pick<
    LedgerRow,
    | 'primaryDays'
    | 'secondaryDays'
    | 'weekendDays'
    | 'holidayDays'
    | 'weightedHolidayLoad'
    | 'burden'
    | 'fairShare'
    | 'difference'
    | 'carriedIn'
    | 'balance'
  >;
  /** On screens and in the printed plan. */
  header: string;
  /** The terminal's narrow header. */
  short: string;
  /** The CSV header. */
  csv: string;
  /** One sentence: what the figure counts. */
  meaning: string;
  kind: FigureKind;
}

/** The fairness columns, in the order every table shows them. */
export const FAIRNESS_COLUMNS: readonly FairnessColumn[] = [
  {
    key: 'primaryDays',
    header: 'Primary days',
    short: 'primary d',
    csv: 'primary_days',
    meaning: 'Days on call as primary',
    kind: 'days',
  },
  {
    key: 'secondaryDays',
    header: 'Backup days',
    short: 'backup d',
    csv: 'secondary_days',
    meaning: 'Days on call as backup (secondary)',
    kind: 'days',
  },
  {
    key: 'weekendDays',
    header: 'Weekend days',
    short: 'weekend d',
    csv: 'weekend_days',
    meaning: 'Weekend days on call, in either role',
    kind: 'days',
  },
  {
    key: 'holidayDays',
    header: 'Holiday days',
    short: 'holiday d',
    csv: 'holiday_days',
    meaning: 'Holidays on which they were on call, in either role, for all or part of the day (whole days)',
    kind: 'count',
  },
  {
    key: 'weightedHolidayLoad',
    header: 'Holiday load',
    short: 'holiday load',
    csv: 'holiday_load',
    meaning: 'The part of the weighted burden that fell on holidays',
    kind: 'burden',
  },
  {
    key: 'burden',
    header: 'Weighted burden',
    short: 'burden',
    csv: 'burden',
    meaning: 'Every day on call this period, weighted by what it costs',
    kind: 'burden',
  },
  {
    key: 'fairShare',
    header: 'Fair share',
    short: 'fair share',
    csv: 'fair_share',
    meaning: 'The team’s burden shared among those available each day, so fewer days available means a smaller share',
    kind: 'burden',
  },
  {
    key: 'difference',
    header: 'Difference',
    short: 'difference',
    csv: 'difference',
    meaning: 'Weighted burden minus fair share this period: positive carried more than their share',
    kind: 'signed',
  },
  {
    key: 'carriedIn',
    header: 'Carried in',
    short: 'carried in',
    csv: 'carried_in',
    meaning: 'The balance from before the period, as the carry-over policy counts it',
    kind: 'signed',
  },
  {
    key: 'balance',
    header: 'Balance',
    short: 'balance',
    csv: 'balance',
    meaning: 'Carried in plus this period’s difference: what the next period starts from',
    kind: 'signed',
  },
];

/** The columns with these keys, in the one order (a narrow table, such as the printed plan's, shows fewer). */
export const pickColumns = (keys: readonly FairnessColumn['key'][]): FairnessColumn[] =>
  FAIRNESS_COLUMNS.filter((c) => keys.includes(c.key));

/** One figure as text: '+1.5' for signed figures, '3' for whole counts, '12.5' otherwise. */
export function figureText(row: LedgerRow, column: FairnessColumn): string {
  const value = row[column.key];
  if (column.kind === 'signed') return formatSignedFigure(value);
  return column.kind === 'count' ? String(value) : formatFigure(value);
}

/** A row's figures in column order, rounded the one way. */
export const figureValues = (row: LedgerRow): number[] => FAIRNESS_COLUMNS.map((c) => roundFigure(row[c.key]));

/** A row's figures in column order as text. */
export const figureTexts = (row: LedgerRow, columns: readonly FairnessColumn[] = FAIRNESS_COLUMNS): string[] =>
  columns.map((c) => figureText(row, c));
