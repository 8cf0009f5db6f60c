/**
 * Runs once when a Next.js server process starts (`next dev` and `next start`, hence `npm run dev`
 * and `npm start`): starts the background job worker (lib/jobs) and the AMQP consumer (lib/transport,
 * when AMQP_URL is set) in the Node.js runtime. The server
 * does not wait for it, and a worker that fails to start is logged without stopping the server.
 * First it masks the process's console for national identity numbers (lib/core/log.ts).
 */
export async function register() {
  // Next.js sets NEXT_RUNTIME itself (not configuration) and replaces it while it builds each runtime's
  // bundle, which keeps the worker (Node.js only) out of any edge bundle; read through lib/core/env.ts
  // it would be a value known only at run time, and the import below would stay in.
  // eslint-disable-next-line no-restricted-properties -- see above
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ startBackgroundJobs }, { logErrorLine, maskConsoleOutput }] = await Promise.all([
    import('./lib/jobs'),
    import('./lib/core/log'),
  ]);
  // Every line this server process logs, its own or Next.js's, is masked for identity numbers.
  maskConsoleOutput();
  startBackgroundJobs()?.catch((error: unknown) => logErrorLine('Jobs: the worker did not start:', error));
  // The AMQP consumer runs in every server process (JOBS=off or not): they compete for the queues.
  const { startTransportConsumer } = await import('./lib/transport');
  startTransportConsumer();
}
