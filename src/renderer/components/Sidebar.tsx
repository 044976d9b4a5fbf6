import { useAppInfo } from '../query/app-info';
import { useStore } from '../store';
import { PublishState } from './PublishState';
import { NAVIGATION, navEntryOf } from './screens';

export function Sidebar() {
  const screen = useStore((s) => s.screen);
  const navigate = useStore((s) => s.navigate);
  const appInfo = useAppInfo();
  const current = navEntryOf(screen).screen;
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          W
        </span>
        <span className="brand__name">Watchbill</span>
      </div>
      <nav aria-label="Screens">
        <ul className="nav">
          {NAVIGATION.map((entry) => (
            <li key={entry.screen}>
              <button
                type="button"
                className="nav__item"
                aria-current={entry.screen === current ? 'page' : undefined}
                onClick={() => navigate(entry.screen)}
              >
                <span>{entry.label}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <footer className="sidebar__footer">
        {appInfo ? (
          <>
            <div>
              Watchbill {appInfo.version} · {appInfo.host === 'browser' ? 'browser' : 'desktop'}
            </div>
            <div className="sidebar__db" title={appInfo.databasePath}>
              Database: {fileName(appInfo.databasePath)}
            </div>
            <PublishState />
          </>
        ) : (
          <div>&nbsp;</div>
        )}
      </footer>
    </aside>
  );
}

/** The last part of a path, on any platform. */
function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
