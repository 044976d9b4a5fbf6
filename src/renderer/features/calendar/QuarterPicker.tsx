import { quarterOf } from '../../../shared/domain/fairness';
import { appNow } from '../../clock';

/** Every quarter from the rotation's first year to two years ahead. */
export function QuarterPicker({
  value,
  firstYear,
  onChange,
}: {
  /** The first day of the chosen quarter. */
  value: string;
  firstYear: number;
  onChange: (startDate: string) => void;
}) {
  const lastYear = Math.max(new Date(appNow()).getUTCFullYear(), Number(value.slice(0, 4))) + 2;
  const start = Math.min(firstYear, Number(value.slice(0, 4)));
  const options: { start: string; label: string }[] = [];
  for (let year = start; year <= lastYear; year += 1) {
    for (const month of ['01', '04', '07', '10']) {
      const period = quarterOf(`${year}-${month}-01`);
      options.push({ start: period.startDate, label: period.label ?? period.startDate });
    }
  }
  return (
    <label className="inline-field">
      <span className="field__label">Quarter</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid="quarter-picker">
        {options.map((o) => (
          <option key={o.start} value={o.start}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
