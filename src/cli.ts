#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { isHttpUrl, loadConfig, type Config } from './shared/config/config.js';
import { SOURCE_IDS } from './shared/extract/lexicon/source-table.js';
import { RuntimeError, UsageError, coerceError } from './shared/errors.js';
import { createLogger, type Logger } from './shared/logger.js';
import { STAGES, type StageName } from './queues/names.js';
import { durationArg, positiveInt, sourceArg, stagesArg } from './cli/args.js';
import type { FileInput } from './queues/inputs.js';
import type { Runtime } from './queues/runtime.js';

// Command modules load on demand: `extract` should not pay for BullMQ and
// `claims` not for jsdom.
const offline = () => import('./cli/offline.js');
const feeds = () => import('./cli/feeds.js');
const listings = () => import('./cli/listings.js');
const pipeline = () => import('./cli/pipeline.js');
const deliveries = () => import('./cli/deliveries.js');

/**
 * The `troopwatch` command. Configuration comes from the environment, is
 * validated before any connection opens, and is passed down; nothing else
 * reads process.env. Exit codes: 0 done, 1 runtime failure, 2 bad usage or
 * bad input, always with a one-line reason on stderr.
 */
const program = new Command('troopwatch')
  .description(
    'Watches the news for claims about North Korean troop numbers in Russia and ' +
      'raises a signed webhook for each new figure.\n' +
      'Configuration is read from the environment (see the README): REDIS_URL, ' +
      'TROOPWATCH_DATA_DIR, ALERT_WEBHOOK_URL, ALERT_WEBHOOK_SECRET, ' +
      'TROOPWATCH_ALLOW_PRIVATE_HOSTS, …',
  )
  .version('0.1.0')
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({
    outputError: (str, write) =>
      write(`troopwatch: ${str.replace(/^error: /, '').trim()}\n`),
  });

/**
 * Config, logger and an open Redis for a command; closed afterwards.
 * Short commands log only warnings unless TROOPWATCH_LOG_LEVEL says otherwise.
 */
async function withRuntime<T>(
  fn: (
    rt: Runtime,
    config: Config,
    log: Logger,
    seeds?: FileInput[],
  ) => Promise<T>,
  opts: { longRunning?: boolean; seedsDir?: string | true } = {},
): Promise<T> {
  const config = loadConfig();
  // Seeds are read and checked before Redis is touched: bad input enqueues nothing.
  const seeds =
    opts.seedsDir === undefined
      ? undefined
      : await (
          await import('./queues/inputs.js')
        ).readSeedDir(
          path.resolve(
            opts.seedsDir === true ? config.seedsDir : opts.seedsDir,
          ),
        );
  const quiet =
    !opts.longRunning && process.env.TROOPWATCH_LOG_LEVEL === undefined;
  const logger = createLogger({ level: quiet ? 'warn' : config.logLevel });
  const { openRuntime } = await import('./queues/runtime.js');
  let opened: Runtime | undefined;
  const runtime = await openRuntime(config, logger, {
    longRunning: opts.longRunning === true,
    // Redis died for good or refuses writes: nothing can go on. The work
    // queued stays in Redis for the next run; an embedded server is stopped
    // first (its append-only file is a consistent prefix of what was done).
    onFatal: (err) => {
      logger.fatal({ reason: err.message }, 'Giving up');
      process.stderr.write(`troopwatch: ${err.message.split('\n')[0]}\n`);
      const stopped = opened?.embedded?.stop() ?? Promise.resolve();
      const bound = new Promise((r) => setTimeout(r, 20_000).unref());
      void Promise.race([stopped.catch(() => undefined), bound]).finally(() =>
        process.exit(1),
      );
    },
  });
  opened = runtime;
  try {
    return await fn(runtime, config, logger, seeds);
  } finally {
    await runtime.close();
  }
}

const jsonOption = new Option('--json', 'print JSON instead of a table');

program
  .command('start')
  .description(
    'Run everything until SIGINT/SIGTERM: Redis (embedded unless REDIS_URL), all ' +
      'workers, the seeds first, the feed schedulers and the dashboard.',
  )
  .option(
    '--seeds <dir>',
    'seed directory (default: TROOPWATCH_SEEDS_DIR or ./seeds)',
  )
  .action((opts: { seeds?: string }) =>
    withRuntime(
      async (rt, config, log, seeds) =>
        (await pipeline()).runPipeline(rt, config, log, {
          once: false,
          seeds: seeds!,
        }),
      { longRunning: true, seedsDir: opts.seeds ?? true },
    ),
  );

program
  .command('run')
  .description(
    'Like start, but poll each feed once, wait until every queue is drained, print a summary and exit.',
  )
  .requiredOption('--once', 'required: run one pass and exit')
  .option(
    '--seeds <dir>',
    'seed directory (default: TROOPWATCH_SEEDS_DIR or ./seeds)',
  )
  .option(
    '--delivery-wait <duration>',
    'how long to wait for webhook retries once everything else is done; they stay queued for the next run',
    durationArg,
    120_000,
  )
  .addOption(jsonOption)
  .action((opts: { seeds?: string; deliveryWait: number; json?: boolean }) =>
    withRuntime(
      async (rt, config, log, seeds) =>
        (await pipeline()).runPipeline(rt, config, log, {
          once: true,
          seeds: seeds!,
          deliveryWaitMs: opts.deliveryWait,
          json: opts.json,
        }),
      { longRunning: true, seedsDir: opts.seeds ?? true },
    ),
  );

program
  .command('worker')
  .description(
    'Run one fleet member: workers for the given stages against REDIS_URL (or the embedded Redis).',
  )
  .option(
    '--stages <list>',
    `comma-separated stages (${STAGES.join(',')})`,
    stagesArg,
    [...STAGES],
  )
  .option(
    '--concurrency <n>',
    'parallel jobs per stage (default: TROOPWATCH_CONCURRENCY or 4)',
    positiveInt,
  )
  .action((opts: { stages: StageName[]; concurrency?: number }) =>
    withRuntime(
      async (rt, config, log) =>
        (await pipeline()).runWorker(
          rt,
          opts.concurrency
            ? { ...config, concurrency: opts.concurrency }
            : config,
          log,
          opts.stages,
        ),
      { longRunning: true },
    ),
  );

program
  .command('seed')
  .description(
    'Put the seed files of a directory on the fetch queue, in file-name order, ahead of any feed item.',
  )
  .argument(
    '[dir]',
    'seed directory (default: TROOPWATCH_SEEDS_DIR or ./seeds)',
  )
  .addOption(jsonOption)
  .action((dir: string | undefined, opts: { json?: boolean }) =>
    withRuntime(
      async (rt, _config, _log, seeds) =>
        (await pipeline()).seedCommand(rt, seeds!, opts.json),
      {
        seedsDir: dir ?? true,
      },
    ),
  );

program
  .command('enqueue')
  .description(
    'Put single articles on the fetch queue: http(s) URLs, or text/HTML files.',
  )
  .argument('<input...>', 'URLs or file paths')
  .addOption(jsonOption)
  .action(async (args: string[], opts: { json?: boolean }) => {
    // Every input is checked before Redis is touched: bad input enqueues nothing.
    const inputs = await (await import('./queues/inputs.js')).readInputs(args);
    await withRuntime(async (rt) =>
      (await pipeline()).enqueueCommand(rt, inputs, opts.json),
    );
  });

const feed = program
  .command('feed')
  .description('Manage polled RSS/Atom/JSON feeds.');
feed
  .command('add')
  .description(
    'Register a feed; it is polled every --every (default TROOPWATCH_FEED_INTERVAL, 10m).',
  )
  .argument('<url>', 'feed URL (http or https)')
  .option('--every <duration>', 'poll interval, like 10m or 1h', durationArg)
  .action((url: string, opts: { every?: number }) => {
    if (!isHttpUrl(url))
      throw new UsageError(`feed: not an http(s) URL: ${url}`, 'invalid_url');
    return withRuntime(async (rt, config) =>
      (await feeds()).feedAdd(rt, config, url, opts.every),
    );
  });
feed
  .command('list')
  .description(
    "List feeds with each one's health: last success, last error, failures, next poll.",
  )
  .addOption(jsonOption)
  .action((opts: { json?: boolean }) =>
    withRuntime(async (rt) => (await feeds()).feedList(rt, opts.json)),
  );
feed
  .command('rm')
  .description('Stop polling a feed and forget it.')
  .argument('<url>', 'feed URL as added')
  .action((url: string) =>
    withRuntime(async (rt) => (await feeds()).feedRemove(rt, url)),
  );

program
  .command('claims')
  .description(
    'List the claims found, one per novelty key, with their sources.',
  )
  .addOption(jsonOption)
  .option(
    '--source <id>',
    `only claims of one canonical source: ${SOURCE_IDS.join(', ')}`,
    sourceArg,
  )
  .action((opts: { json?: boolean; source?: string }) =>
    withRuntime(async (rt) => (await listings()).showClaims(rt, opts)),
  );

program
  .command('alerts')
  .description(
    'List the alerts raised and the state of each webhook delivery; `alerts replay <id>` sends failed ones again.',
  )
  .option(
    '--failed',
    'only the dead-letter list: deliveries that failed for good',
  )
  .addOption(jsonOption)
  .action((opts: { json?: boolean; failed?: boolean }) =>
    withRuntime(async (rt) => (await listings()).showAlerts(rt, opts)),
  )
  .command('replay')
  .description(
    'Send the failed deliveries of an alert again (same webhook-id, so receivers can deduplicate).',
  )
  .argument('<alert-id>', 'an id from troopwatch alerts')
  .option('--endpoint <url>', 'only the delivery to this endpoint')
  .action((alertId: string, opts: { endpoint?: string }) =>
    withRuntime(async (rt) =>
      (await deliveries()).replayAlert(rt, alertId, opts.endpoint),
    ),
  );

program
  .command('endpoints')
  .description(
    'List the webhook endpoints with their types and state; `endpoints enable <url>` re-enables one that answered 410.',
  )
  .addOption(jsonOption)
  .action((opts: { json?: boolean }) =>
    withRuntime(async (rt, config) =>
      (await deliveries()).listEndpoints(rt, config, opts.json),
    ),
  )
  .command('enable')
  .description('Re-enable an endpoint disabled after a 410 Gone answer.')
  .argument('<url>', 'the endpoint URL as configured')
  .action((url: string) =>
    withRuntime(async (rt, config) =>
      (await deliveries()).enableEndpoint(rt, config, url),
    ),
  );

program
  .command('status')
  .description(
    'Queue depths, failed jobs, articles, claims, alerts and deliveries.',
  )
  .addOption(jsonOption)
  .action((opts: { json?: boolean }) =>
    withRuntime(async (rt) => (await listings()).showStatus(rt, opts.json)),
  );

program
  .command('extract')
  .description(
    'Offline: print the troop-count claims of one text (no Redis needed).',
  )
  .argument('[file]', 'a text file, or - for standard input', '-')
  .addOption(jsonOption)
  .addOption(
    new Option(
      '--lang <lang>',
      'force the language instead of detecting it',
    ).choices(['de', 'en']),
  )
  .action(async (file: string, opts: { json?: boolean; lang?: 'de' | 'en' }) =>
    (await offline()).runExtractCommand(file, opts),
  );

program
  .command('clean')
  .description(
    'Offline: print the readable text of one HTML page (or a plain text), no Redis needed.',
  )
  .argument('[file]', 'an HTML or text file, or - for standard input', '-')
  .option('--url <url>', 'the URL the page came from (resolves relative links)')
  .addOption(
    new Option(
      '--json',
      'print JSON with title, byline, date and language too',
    ),
  )
  .action(async (file: string, opts: { json?: boolean; url?: string }) =>
    (await offline()).runCleanCommand(file, opts),
  );

async function main(): Promise<number> {
  try {
    await program.parseAsync(process.argv);
    return 0;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return thrown.exitCode === 0 ? 0 : 2;
    }
    const err = coerceError(thrown);
    process.stderr.write(`troopwatch: ${err.message.split('\n')[0]}\n`);
    if (err instanceof UsageError) return 2;
    if (!(err instanceof RuntimeError) && process.env.TROOPWATCH_DEBUG) {
      process.stderr.write(`${err.stack}\n`);
    }
    return 1;
  }
}

process.exitCode = await main();
