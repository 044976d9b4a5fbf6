// Where the CLI runs. From a checkout or `npx watchbill` it is plain Node and loads the Node
// build of better-sqlite3; inside the installed desktop app (its executable started with a
// command) it must load the Electron build the app ships, which the app says here first.
let nativeBinding: string | undefined;

export function setCliNativeBinding(path: string): void {
  nativeBinding = path;
}

export const cliNativeBinding = (): string | undefined => nativeBinding;
