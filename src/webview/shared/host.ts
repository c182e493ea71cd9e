/**
 * The webview's side of the channel to the extension: messages received are validated with
 * their zod schema before anything is drawn (the extension is trusted, but a message that does
 * not parse is a bug to report, not data to draw); messages sent are typed by theirs.
 */
import * as z from 'zod';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// zod would compile schemas with `new Function`, which the page's CSP forbids (no 'unsafe-eval')
z.config({ jitless: true });

export interface Channel<Out> {
  post(message: Out): void;
  getState<T>(): T | undefined;
  setState(state: unknown): void;
}

export function connect<In, Out>(schema: z.ZodType<In>, receive: (message: In) => void): Channel<Out> {
  const api = acquireVsCodeApi();
  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = schema.safeParse(event.data);
    if (!parsed.success) {
      console.error(`Newsmark: ignored a message that is not valid: ${parsed.error.message.slice(0, 500)}`);
      return;
    }
    receive(parsed.data);
  });
  return {
    post: (message: Out) => api.postMessage(message),
    getState: <T>() => (api.getState() as T | undefined) ?? undefined,
    setState: (state: unknown) => api.setState(state),
  };
}
