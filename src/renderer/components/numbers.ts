// How fairness figures are shown: the one rounding rule of the ledger (src/shared/domain/figures.ts).
export { formatFigure as fixed, formatSignedFigure as signed } from '../../shared/domain/figures';

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
