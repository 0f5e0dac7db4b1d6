import { IncomingMessage, type ServerResponse } from 'node:http';
import { nodeResponseOf } from '../http/node-request.ts';
import { Socket } from 'node:net';
import type { Context } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';

type AstroNodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
  locals?: object,
) => Promise<void>;

/** Renders one of Astro's on-demand pages (built in middleware mode) for a request Hono is handling. */
export interface PageRenderer {
  /**
   * Renders the Astro route at `internalPath` with `locals`, writing straight to
   * the Node response; returns Hono's marker that the response was sent.
   */
  render(c: Context, internalPath: string, locals: App.Locals, headers?: Record<string, string>): Promise<Response>;
}

/** Loads the Astro server build (dist/server/entry.mjs) and wraps its Node handler. */
export async function loadAstroPages(entry: URL): Promise<PageRenderer> {
  const { handler } = (await import(entry.href)) as { handler: AstroNodeHandler };
  return {
    async render(c, internalPath, locals, headers = {}) {
      // Its head carries the security headers whatever Astro writes (a SecuredResponse).
      const outgoing = nodeResponseOf(c);
      if (!outgoing) throw new Error('Astro pages can only be rendered by the Node server');
      // A fresh GET for the internal route: Astro never sees the client's
      // method, body, address or headers, only what the page needs.
      const request = new IncomingMessage(new Socket());
      request.method = 'GET';
      request.url = internalPath;
      request.headers = { host: 'localhost', accept: 'text/html' };
      request.push(null);
      outgoing.setHeader('Cache-Control', 'no-store');
      for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
      let handled = true;
      await handler(
        request,
        outgoing,
        () => {
          handled = false;
        },
        locals,
      );
      // Astro ties an abort signal to the request's socket and removes that
      // listener only when the socket closes: close the stand-in socket once
      // the page is written, or every rendering would stay in memory.
      request.socket.destroy();
      if (!handled) throw new Error(`Astro has no route for ${internalPath}`);
      return RESPONSE_ALREADY_SENT;
    },
  };
}
