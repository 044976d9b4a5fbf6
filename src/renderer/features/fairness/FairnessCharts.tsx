// Two small bar charts drawn as SVG: days on call by kind, and burden against fair share.
// Each is an image with a text alternative, and every bar has a title with its figure.
import type { EngineerFairness, FairnessReport } from '../../../shared/domain/fairness';
import type { Engineer, Id } from '../../../shared/model';
import { fixed } from '../../components/numbers';

const ROW = 30;
const LABEL = 110;
const WIDTH = 460;
const BAR = 16;

export interface DayKinds {
  weekday: number;
  weekend: number;
  holiday: number;
}

/**
 * An engineer's days on call split by kind. Holidays are counted once, as holidays, even when
 * they fall on a weekend; every other day is a weekday or a weekend day.
 */
export function dayKinds(row: EngineerFairness): DayKinds {
  const total = row.primaryDays + row.secondaryDays;
  const holiday = Math.min(row.holidayDays, total);
  const weekend = Math.min(row.weekendDays, total - holiday);
  return { weekday: Math.max(0, total - holiday - weekend), weekend, holiday };
}

const KINDS: { key: keyof DayKinds; label: string; className: string }[] = [
  { key: 'weekday', label: 'Weekdays', className: 'bar--weekday' },
  { key: 'weekend', label: 'Weekend days', className: 'bar--weekend' },
  { key: 'holiday', label: 'Holidays', className: 'bar--holiday' },
];

const nameOf = (engineers: Map<Id, Engineer>, id: Id) => engineers.get(id)?.name ?? `Engineer #${id}`;

export function DaysChart({ report, engineers }: { report: FairnessReport; engineers: Map<Id, Engineer> }) {
  const rows = report.engineers.map((r) => ({ row: r, kinds: dayKinds(r) }));
  const max = Math.max(1, ...rows.map(({ kinds }) => kinds.weekday + kinds.weekend + kinds.holiday));
  const scale = (WIDTH - LABEL - 90) / max;
  const height = rows.length * ROW + 8;
  const summary = rows
    .map(
      ({ row, kinds }) =>
        `${nameOf(engineers, row.engineerId)}: ${fixed(kinds.weekday)} weekdays, ${fixed(kinds.weekend)} weekend days, ${fixed(kinds.holiday)} holidays`,
    )
    .join('; ');
  return (
    <figure className="chart" data-testid="days-chart">
      <figcaption className="chart__title">Days on call by kind (both roles)</figcaption>
      <ChartLegend items={KINDS.map((k) => ({ label: k.label, className: k.className }))} />
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Days on call by kind. ${summary}`} width="100%">
        {rows.map(({ row, kinds }, i) => {
          let x = LABEL;
          const y = i * ROW + 6;
          const total = kinds.weekday + kinds.weekend + kinds.holiday;
          return (
            <g key={row.engineerId} data-engineer-id={row.engineerId}>
              <text x={LABEL - 8} y={y + BAR - 3} textAnchor="end" className="chart__label">
                {nameOf(engineers, row.engineerId)}
              </text>
              {KINDS.map((kind) => {
                const w = kinds[kind.key] * scale;
                const rect = (
                  <rect
                    key={kind.key}
                    x={x}
                    y={y}
                    width={Math.max(0, w)}
                    height={BAR}
                    className={`bar ${kind.className}`}
                    data-kind={kind.key}
                    data-value={kinds[kind.key]}
                  >
                    <title>{`${kind.label}: ${fixed(kinds[kind.key])}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + BAR - 3} className="chart__value">
                {fixed(total)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function BurdenChart({ report, engineers }: { report: FairnessReport; engineers: Map<Id, Engineer> }) {
  const rows = report.engineers;
  const max = Math.max(1, ...rows.flatMap((r) => [r.burden, r.fairShare]));
  const scale = (WIDTH - LABEL - 90) / max;
  const height = rows.length * ROW + 8;
  const summary = rows
    .map((r) => `${nameOf(engineers, r.engineerId)}: burden ${fixed(r.burden)}, fair share ${fixed(r.fairShare)}`)
    .join('; ');
  return (
    <figure className="chart" data-testid="burden-chart">
      <figcaption className="chart__title">Burden against fair share</figcaption>
      <ChartLegend
        items={[
          { label: 'Burden', className: 'bar--burden' },
          { label: 'Fair share', className: 'bar--share' },
        ]}
      />
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`Burden against fair share. ${summary}`}
        width="100%"
      >
        {rows.map((r, i) => {
          const y = i * ROW + 6;
          const over = r.burden > r.fairShare + 0.05;
          return (
            <g key={r.engineerId} data-engineer-id={r.engineerId}>
              <text x={LABEL - 8} y={y + BAR - 3} textAnchor="end" className="chart__label">
                {nameOf(engineers, r.engineerId)}
              </text>
              <rect
                x={LABEL}
                y={y}
                width={Math.max(0, r.burden * scale)}
                height={BAR}
                className={over ? 'bar bar--burden is-over' : 'bar bar--burden'}
                data-value={r.burden}
              >
                <title>{`Burden: ${fixed(r.burden)}`}</title>
              </rect>
              <line
                x1={LABEL + r.fairShare * scale}
                x2={LABEL + r.fairShare * scale}
                y1={y - 3}
                y2={y + BAR + 3}
                className="bar--share"
                data-value={r.fairShare}
              >
                <title>{`Fair share: ${fixed(r.fairShare)}`}</title>
              </line>
              <text x={LABEL + Math.max(r.burden, r.fairShare) * scale + 6} y={y + BAR - 3} className="chart__value">
                {fixed(r.burden)} / {fixed(r.fairShare)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function ChartLegend({ items }: { items: { label: string; className: string }[] }) {
  return (
    <div className="chart__legend" aria-hidden="true">
      {items.map((item) => (
        <span key={item.label} className="chart__legend-item">
          <svg width="12" height="12">
            <rect width="12" height="12" rx="2" className={`bar ${item.className}`} />
          </svg>
          {item.label}
        </span>
      ))}
    </div>
  );
}
