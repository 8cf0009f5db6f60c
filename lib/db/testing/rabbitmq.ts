/**
 * A throwaway RabbitMQ node with the AMQP 1.0 plugin, for the AMQP consumer's tests and bench:amqp, started
 * like the embedded PostgreSQL: Debian's `rabbitmq-server` in a temporary folder on free ports,
 * stopped and removed at the end. It can be stopped and started again on the same folder (durable
 * queues and persistent messages survive), which is how the tests restart the broker mid-stream.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { childEnvironment } from '@/lib/core/env';

const run = promisify(execFile);
const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const CTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';

export interface RabbitNode {
  /** amqp://guest:guest@localhost:<port> */
  url: string;
  port: number;
  /** Declares durable queues, each with a dead-letter queue `<name>_dl` that rejected messages go to. */
  declareQueues(names: readonly string[]): Promise<void>;
  /** Messages ready in a queue (not counting those delivered and not yet settled). */
  messageCount(queue: string): Promise<number>;
  /** Stops the node, keeping its folder (queues and persistent messages). */
  stop(): Promise<void>;
  /** Starts it again on the same folder and port. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

const MISSING =
  "RabbitMQ is not installed: the AMQP tests need Debian's rabbitmq-server with its AMQP 1.0 plugin (`apt-get install rabbitmq-server`).";

/** Starts a fresh node (on `port`, or a free one); fails with a message naming `rabbitmq-server` when it is not installed. */
export async function startRabbitNode(options: { port?: number } = {}): Promise<RabbitNode> {
  if (!existsSync(SERVER) || !existsSync(CTL)) throw new Error(MISSING);
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? await rabbitUser() : null;
  const dir = await mkdtemp(path.join(tmpdir(), 'kpr-rabbitmq-'));
  writeFileSync(path.join(dir, 'enabled_plugins'), '[rabbitmq_amqp1_0].\n');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(path.join(dir, 'enabled_plugins'), owner.uid, owner.gid);
  }
  const port = options.port ?? (await freePort());
  const distPort = await freePort();
  const nodeName = `kpr${randomBytes(4).toString('hex')}@localhost`;
  const environment = childEnvironment({
    HOME: dir,
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_FEATURE_FLAGS_FILE: path.join(dir, 'feature_flags'),
    RABBITMQ_PID_FILE: path.join(dir, 'rabbit.pid'),
  });
  const ids = owner ? { uid: owner.uid, gid: owner.gid } : {};

  async function ctl(...args: string[]): Promise<string> {
    const { stdout } = await run(CTL, ['-n', nodeName, ...args], { env: environment, ...ids, timeout: 180_000 });
    return stdout;
  }

  /** `await_startup` waits for a booting node, but fails at once while the node has not registered yet: retry. */
  async function awaitStartup(): Promise<void> {
    const until = Date.now() + 180_000;
    for (;;) {
      try {
        await ctl('await_startup', '--timeout', '180');
        return;
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async function start(): Promise<void> {
    // In the foreground, as a child of this process (its output goes to the node's log folder).
    const child = spawn(SERVER, [], { env: environment, ...ids, stdio: 'ignore', cwd: dir });
    const failed = new Promise<never>((_, reject) => {
      child.on('error', (error) => reject(new Error(`${MISSING} (${error.message})`)));
      child.on('exit', (code) => reject(new Error(`rabbitmq-server exited with code ${code}`)));
    });
    failed.catch(() => undefined);
    try {
      await Promise.race([awaitStartup(), failed]);
    } catch (error) {
      throw new Error(
        `The throwaway RabbitMQ node did not start (logs in ${path.join(dir, 'log')}): ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  await start();
  return {
    url: `amqp://guest:guest@localhost:${port}`,
    port,
    async declareQueues(names) {
      const declarations = names.flatMap((name) => {
        const dl = `${name}_dl`;
        return [
          `rabbit_amqqueue:declare(rabbit_misc:r(<<"/">>, queue, <<"${dl}">>), true, false, [], none, <<"guest">>)`,
          `rabbit_amqqueue:declare(rabbit_misc:r(<<"/">>, queue, <<"${name}">>), true, false, [{<<"x-dead-letter-exchange">>, longstr, <<"">>}, {<<"x-dead-letter-routing-key">>, longstr, <<"${dl}">>}], none, <<"guest">>)`,
        ];
      });
      await ctl('eval', `${declarations.join(', ')}, ok.`);
    },
    async messageCount(queue) {
      const output = await ctl('list_queues', '--quiet', '--no-table-headers', 'name', 'messages_ready');
      for (const line of output.split('\n')) {
        const [name, count] = line.trim().split(/\s+/);
        if (name === queue) return Number(count);
      }
      throw new Error(`no queue ${queue}`);
    },
    async stop() {
      await ctl('stop');
    },
    start,
    async destroy() {
      await ctl('stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function rabbitUser(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'rabbitmq']), run('id', ['-g', 'rabbitmq'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(MISSING);
  }
}

/** A port free on the loopback interface now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
