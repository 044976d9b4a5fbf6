import { useState } from 'react';
import { hostOf, saveExportFile } from '../../api/files';
import { useAppInfo } from '../../query/app-info';
import { useStore } from '../../store';

const FORMATS = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
] as const;

/** The drill report for stakeholders: Markdown, HTML or PDF, shown here and saved as a file. */
export function ReportPanel() {
  const report = useStore((s) => s.report);
  const loadReport = useStore((s) => s.loadReport);
  const appInfo = useAppInfo();
  const [saved, setSaved] = useState<string | null>(null);

  const save = async () => {
    if (!report) return;
    const result = await saveExportFile(report, hostOf(appInfo));
    if (!result.ok) setSaved(result.error.message);
    else if (result.value.how === 'saved') setSaved(`Saved to ${result.value.path}`);
    else if (result.value.how === 'downloaded') setSaved(`Downloaded ${result.value.filename}`);
    else setSaved(null);
  };

  return (
    <section className="panel drills__panel" aria-labelledby="report-title">
      <h2 id="report-title" className="panel__title">
        Report
      </h2>
      <div className="drill-report__actions">
        <div className="segmented" role="group" aria-label="Report format">
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              className="button"
              aria-pressed={report?.format === format}
              onClick={() => {
                setSaved(null);
                void loadReport(format);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="button" disabled={!report} onClick={() => void save()}>
          {report ? `Download ${report.filename}` : 'Download'}
        </button>
      </div>
      {saved && (
        <p className="muted" role="status">
          {saved}
        </p>
      )}
      {report?.format === 'md' && (
        <pre className="drill-report__md" data-testid="report-md">
          {report.content}
        </pre>
      )}
      {report?.format === 'html' && (
        // sandbox without allow-scripts: the report is only read, never run.
        <iframe className="drill-report__html" title="Drill report" sandbox="" srcDoc={report.content} />
      )}
      {report?.format === 'pdf' && <p className="muted">The PDF is ready: download it to read or send it.</p>}
    </section>
  );
}
