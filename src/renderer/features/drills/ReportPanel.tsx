import { useStore } from '../../store';

/** The drill report for stakeholders: Markdown or HTML, shown here and saved as a file. */
export function ReportPanel() {
  const report = useStore((s) => s.report);
  const loadReport = useStore((s) => s.loadReport);

  const download = () => {
    if (!report) return;
    const type = report.format === 'md' ? 'text/markdown' : 'text/html';
    const url = URL.createObjectURL(new Blob([report.content], { type: `${type};charset=utf-8` }));
    const link = document.createElement('a');
    link.href = url;
    link.download = report.fileName;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  return (
    <section className="panel drills__panel" aria-labelledby="report-title">
      <h2 id="report-title" className="panel__title">
        Report
      </h2>
      <div className="drill-report__actions">
        <div className="segmented" role="group" aria-label="Report format">
          <button
            type="button"
            className="button"
            aria-pressed={report?.format === 'md'}
            onClick={() => void loadReport('md')}
          >
            Markdown
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={report?.format === 'html'}
            onClick={() => void loadReport('html')}
          >
            HTML
          </button>
        </div>
        <button type="button" className="button" disabled={!report} onClick={download}>
          {report ? `Download ${report.fileName}` : 'Download'}
        </button>
      </div>
      {report?.format === 'md' && (
        <pre className="drill-report__md" data-testid="report-md">
          {report.content}
        </pre>
      )}
      {report?.format === 'html' && (
        // sandbox without allow-scripts: the report is only read, never run.
        <iframe className="drill-report__html" title="Drill report" sandbox="" srcDoc={report.content} />
      )}
    </section>
  );
}
