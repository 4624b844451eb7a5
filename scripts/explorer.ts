/** Runs `cocomc explore` (the built command line, dist/) as a child process, until it prints its URL: for the browser tests and `npm run docs`. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningExplorer {
  child: ChildProcess;
  /** The page's address as the command printed it. */
  url: string;
  /** Sends `signal` and resolves to the exit code and what the command wrote. */
  stop: (signal: NodeJS.Signals) => Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function startExplorer(...args: string[]): Promise<RunningExplorer> {
  const child = spawn(process.execPath, ['dist/src/cli.js', 'explore', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals) => {
    child.kill(signal);
    return { code: await exited, stdout, stderr };
  };
  return new Promise((resolve, reject) => {
    const started = (): void => {
      const url = /^cocomc explore: (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C stops\)$/m.exec(stdout)?.[1];
      if (url) resolve({ child, url, stop });
    };
    child.stdout.on('data', started);
    void exited.then((code) => reject(new Error(`cocomc explore exited (${code}) before serving: ${stderr}`)));
  });
}
