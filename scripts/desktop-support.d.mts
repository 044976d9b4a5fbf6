export interface DesktopSupport {
  desktop: boolean;
  /** One line for the lead: what is started, or why the desktop app is not. */
  reason: string;
}

export function desktopSupport(
  nodeVersion: string,
  electron: { version: string; engines?: { node?: string } } | null,
): DesktopSupport;
