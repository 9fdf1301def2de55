// `docket models pull | weights | token`: what reaches the model hub, the one network use of
// Docket. The weights are chosen before anything large is fetched; the token never appears in
// output, arguments or errors (it is read from standard input).
import type { AppPaths } from '../../app.ts';
import { UsageError, requirePositional, stringOption, type CliIO, type CommandInput } from '../command.ts';

const mb = (bytes: number | null) => (bytes === null ? '? MB' : `${(bytes / 1e6).toFixed(1)} MB`);

export async function pullAction(paths: AppPaths, input: CommandInput, io: CliIO): Promise<void> {
  const ref = requirePositional(input, 1, 'the model id (owner/name or owner/name@revision)');
  const { pullModel, isOnnxDtype, ONNX_DTYPE_NAMES } = await import('../../inference/models/pull.ts');
  const dtype = stringOption(input, 'dtype');
  if (dtype !== undefined && !isOnnxDtype(dtype)) throw new UsageError(`--dtype must be one of ${ONNX_DTYPE_NAMES.join(', ')}; got "${dtype}".`);
  const revision = stringOption(input, 'revision');
  const info = await pullModel(
    paths,
    ref,
    {
      signal: io.signal,
      report: (p) =>
        io.progress(`Pulling ${ref}: ${(p.done / 1e6).toFixed(1)}${p.total ? ` / ${(p.total / 1e6).toFixed(1)}` : ''} MB${p.message ? ` — ${p.message}` : ''}`),
    },
    { ...(dtype ? { dtype } : {}), ...(revision ? { revision } : {}) },
  );
  io.progress('');
  io.out(input.json ? JSON.stringify(info) : `Pulled ${info.id} (${info.task ?? 'unknown task'}; ${info.dtypes.join(', ')} weights) into ${info.path}`);
}

export async function weightsAction(paths: AppPaths, input: CommandInput, io: CliIO): Promise<void> {
  const ref = requirePositional(input, 1, 'the model id (owner/name or owner/name@revision)');
  const { listWeights } = await import('../../inference/models/pull.ts');
  const revision = stringOption(input, 'revision');
  const listing = await listWeights(ref, { paths, signal: io.signal, ...(revision ? { revision } : {}) });
  if (input.json) return io.out(JSON.stringify(listing));
  io.out(`${listing.id}@${listing.revision}${listing.commit ? ` (commit ${listing.commit.slice(0, 12)})` : ''}: ONNX weights on the hub`);
  for (const w of listing.weights) {
    const mark = w.dtype === listing.defaultDtype ? '  (default)' : '';
    io.out(
      `  ${w.dtype.padEnd(6)} ${mb(w.sizeBytes).padStart(10)}  ${w.files.map((f) => f.path).join(' + ')}${w.loadable ? '' : '  — Docket cannot run this one yet'}${mark}`,
    );
  }
  if (listing.defaultDtype) io.out(`Pull: docket models pull ${listing.id} --dtype ${listing.defaultDtype}`);
}

export async function tokenAction(paths: AppPaths, input: CommandInput, io: CliIO, stdin: () => Promise<string>): Promise<void> {
  const what = requirePositional(input, 1, 'set, clear or status');
  const tokens = await import('../../inference/models/hub-token.ts');
  if (what === 'set') {
    tokens.saveHubToken(paths, await stdin());
    return io.out(`Saved the hub token in ${tokens.hubTokenPath(paths)} (readable by you only). HF_TOKEN, when set, is used instead.`);
  }
  if (what === 'clear') return io.out(tokens.clearHubToken(paths) ? 'Forgot the saved hub token.' : 'No hub token was saved.');
  if (what === 'status') {
    const status = tokens.hubTokenStatus(paths);
    if (input.json) return io.out(JSON.stringify(status));
    return io.out(
      status.set
        ? `A hub token is set, from ${status.source === 'HF_TOKEN' ? 'the HF_TOKEN environment variable' : status.file}.`
        : 'No hub token: public models only. Set one with: echo $TOKEN | docket models token set',
    );
  }
  throw new UsageError(`Unknown token action "${what}": use set (reads the token from standard input), clear or status.`);
}

/** All of standard input, for secrets that must not be command-line arguments (visible in ps). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('Pipe the token in, e.g. `docket models token set < token.txt`; it is never taken as an argument.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}
