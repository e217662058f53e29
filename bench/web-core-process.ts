// The bundled core in browser mode, started as `npm run start:web` starts it,
// for the bench's steps that drive the window in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts out/web/main.mjs (or another bundle) and answers once it prints the page's URL. */
export async function launchWebCore(script: string, env: NodeJS.ProcessEnv, cwd?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Inbox ready at (\S+)/.exec(out);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
  });
  return { child, url };
}
