import { useState } from 'react';
import type { ExportCatalog } from '../../../shared/ipc/channels/share';
import type { PlanFormat } from '../../../shared/ipc/share-schemas';
import { useChannel } from '../../query/client';
import { QuarterPicker } from '../calendar/QuarterPicker';
import type { RotationChoice } from './RotationPicker';
import { SaveStatus } from './SaveStatus';
import { useExporter } from './useExporter';

const FORMAT_LABELS: Record<PlanFormat, string> = { md: 'Markdown', html: 'HTML', pdf: 'PDF' };

/** The management plan for a quarter, like the hand-written seeds, with a preview of its HTML. */
export function PlanCard({ catalog, rotations }: { catalog: ExportCatalog; rotations: RotationChoice }) {
  const { state, run } = useExporter();
  const [quarter, setQuarter] = useState(catalog.defaultRange.from);
  const [format, setFormat] = useState<PlanFormat>('md');
  const [showPreview, setShowPreview] = useState(false);
  const pdfOff = !catalog.plan.pdfAvailable;

  // The preview is of the rotations chosen above, as the file would be.
  const { data: preview, ...previewState } = useChannel(
    'export:plan',
    { quarterOf: quarter, rotationIds: rotations.ids, format: 'html' },
    { enabled: showPreview && !rotations.problem },
  );
  const current = preview ? { html: preview.content } : null;

  return (
    <section className="panel export-card export-card--plan" aria-labelledby="export-plan-title">
      <div className="export-plan__head">
        <div>
          <h3 id="export-plan-title" className="export-card__title">
            The plan <span className="export-card__ext">.md · .html · .pdf</span>
          </h3>
          <p className="muted export-card__about">
            The quarter’s management plan: ownership with reasons, the on-call table with holiday cover, runbooks, SLAs,
            risks and drills.
          </p>
        </div>
      </div>
      <div className="export-plan__controls">
        <QuarterPicker
          value={quarter}
          firstYear={Number(catalog.defaultRange.from.slice(0, 4)) - 1}
          onChange={setQuarter}
        />
        <div className="segmented" role="group" aria-label="Format">
          {catalog.plan.formats.map((f) => (
            <button
              key={f}
              type="button"
              className="button"
              aria-pressed={format === f}
              disabled={f === 'pdf' && pdfOff}
              title={f === 'pdf' && pdfOff ? 'PDF needs Chromium, which this machine does not have' : undefined}
              onClick={() => setFormat(f)}
            >
              {FORMAT_LABELS[f]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={state.busy || rotations.problem !== null}
          title={rotations.problem ?? undefined}
          onClick={() => void run('export:plan', { rotationIds: rotations.ids, quarterOf: quarter, format })}
        >
          Export plan as {FORMAT_LABELS[format]}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={showPreview}
          aria-controls="export-plan-preview"
          onClick={() => setShowPreview((v) => !v)}
        >
          {showPreview ? 'Hide preview' : 'Preview'}
        </button>
      </div>
      {pdfOff && (
        <p className="muted export-card__about">
          PDF is not available here: it needs Chromium. Export HTML and print it from a browser instead.
        </p>
      )}
      <SaveStatus state={state} />
      {showPreview && (
        <div id="export-plan-preview" className="export-preview">
          {previewState.status === 'error' && !current ? (
            <p className="inline-error" role="alert">
              The preview could not be made: {previewState.error}
            </p>
          ) : current ? (
            // No allow-scripts: the plan is only read. Its own inline styles still apply.
            <iframe className="export-preview__frame" title="Preview of the plan" sandbox="" srcDoc={current.html} />
          ) : (
            <p className="muted">Making the preview…</p>
          )}
        </div>
      )}
    </section>
  );
}
