/**
 * Runs once when a Next.js server process starts (`next dev` and `next start`, hence `npm run dev`
 * and `npm start`): starts the background job worker (lib/jobs) in the Node.js runtime. The server
 * does not wait for it, and a worker that fails to start is logged without stopping the server.
 */
export async function register() {
  // Next.js sets NEXT_RUNTIME itself (not configuration): the worker needs Node.js, never the edge runtime.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundJobs } = await import('./lib/jobs/start');
  startBackgroundJobs()?.catch((error: unknown) => console.error('Jobs: the worker did not start:', error));
}
