import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocketError } from '../../errors.ts';
import { EXIT_OK, numberOption, type Command } from '../command.ts';
import { userDataDir } from '../user-data.ts';

/** The renderer build `npm run build` writes (dist/renderer beside src-main). */
export const rendererBuildDir = resolve(import.meta.dirname, '..', '..', '..', '..', 'dist', 'renderer');

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the app in your browser (loopback only)',
  usage: 'docket serve [project.docket] [--port N]',
  help: [
    'Serves the Docket workspace on http://127.0.0.1 with a random per-session token in the URL;',
    'open the printed URL in a browser. Nothing listens beyond this machine. Ctrl+C stops it.',
    'Needs the renderer build: `npm start` makes it, or `npm run build`.',
  ].join('\n'),
  options: { port: { type: 'string' } },
  async run(input, io) {
    if (!existsSync(join(rendererBuildDir, 'index.html'))) {
      throw new DocketError('not_built', `The renderer is not built (${rendererBuildDir} is missing). Run "npm run build" first.`);
    }
    const [{ createCore }, { startServer }] = await Promise.all([import('../../api/create-core.ts'), import('../../server/server.ts')]);
    const core = createCore(userDataDir());
    const project = input.positionals[0];
    if (project) core.app.open(resolve(project));
    const server = await startServer({ core, rendererDir: rendererBuildDir, port: numberOption(input, 'port') });
    io.out(input.json ? JSON.stringify({ url: server.url }) : `Docket is running at ${server.url}\nOpen it in your browser; press Ctrl+C to stop.`);
    await new Promise<void>((done) => {
      if (io.signal.aborted) done();
      io.signal.addEventListener('abort', () => done(), { once: true });
      process.once('SIGTERM', () => done());
    });
    await server.close();
    await core.app.close();
    return EXIT_OK;
  },
};
