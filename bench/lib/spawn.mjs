// Child processes for the bench: JSON result on stdout, optional time limit, peak RSS through
// /usr/bin/time -v when asked. Only the children started here are ever stopped, by their pid.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Children running now, and cleanups (temp folders) to run if the bench is interrupted. */
const running = new Set();
const cleanups = new Set();

export function stopChildren() {
  for (const child of running) child.kill('SIGKILL'); // each one started here, by its pid
}

export function onInterrupt(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function runCleanups() {
  for (const cleanup of cleanups) cleanup();
}

/**
 * Runs `node ...args`; resolves { code, stdout, stderr, wallMs, timedOut, maxRssBytes }.
 * `timeoutMs` stops the child (SIGKILL, by pid) and reports timedOut. `measureRss` wraps the
 * child in `/usr/bin/time -v` when present, else samples /proc/<pid>/status (VmHWM) every 50 ms.
 */
export function runNode(args, { timeoutMs = 0, measureRss = false, stderrToParent = false, cwd } = {}) {
  // a time limit stops the node child itself, so it is not combined with /usr/bin/time (whose
  // child would outlive it): a limited child measures its own memory from /proc instead
  const useTime = measureRss && GNU_TIME && !timeoutMs;
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let sampledPeak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderrToParent && !useTime) process.stderr.write(d);
    });
    const sampler =
      measureRss && !useTime ? setInterval(() => (sampledPeak = Math.max(sampledPeak, vmHwm(child.pid))), 50) : null;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL'); // the child started here, by its pid
          }, timeoutMs)
        : null;
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      const wallMs = performance.now() - started;
      if (timer) clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      let maxRssBytes = sampledPeak || null;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) maxRssBytes = Number(m[1]) * 1024;
      }
      resolve({ code, stdout, stderr, wallMs, timedOut, maxRssBytes });
    });
  });
}

function vmHwm(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The last JSON line a child printed. */
export function lastJson(stdout) {
  const line = stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  if (!line) throw new Error(`no JSON result in child output:\n${stdout.slice(-2000)}`);
  return JSON.parse(line);
}
