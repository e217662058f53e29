// `npm run demo` and `npm run start:web` open the app in the default browser
// when there is a desktop to open it on; elsewhere (SSH, CI, a container) the
// printed URL is the way in. Only the npm scripts ask for this (`--open`), so
// tests never open windows on a developer's desktop.
import { spawn } from 'node:child_process';

export function openInBrowser(url: string, platform = process.platform, env = process.env): boolean {
  const command =
    platform === 'darwin'
      ? ['open', url]
      : platform === 'win32'
        ? ['cmd', '/c', 'start', '""', url]
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? ['xdg-open', url]
          : null;
  if (!command) return false;
  try {
    const child = spawn(command[0]!, command.slice(1), { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // no opener installed: the printed URL still works
    child.unref();
    return true;
  } catch {
    return false;
  }
}
