import type { Server } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import type { Config } from '../shared/config/config.js';
import type { Logger } from '../shared/logger.js';
import type { Runtime } from '../queues/runtime.js';
import { createMetrics } from './metrics.js';

/**
 * The queue dashboard (bull-board) and Prometheus metrics (`/metrics`) on
 * TROOPWATCH_DASHBOARD_HOST:PORT, local only by default: the dashboard can
 * retry and remove jobs and has no login.
 */
export async function startDashboard(
  runtime: Runtime,
  config: Config,
  logger: Logger,
): Promise<Server | null> {
  if (config.dashboardPort === 0) return null;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/');
  createBullBoard({
    queues: runtime.queues.all().map((q) => new BullMQAdapter(q)),
    serverAdapter,
  });
  const app = express();
  const metrics = createMetrics(runtime);
  app.get('/metrics', async (_req, res) => {
    try {
      res.type(metrics.contentType).send(await metrics.metrics());
    } catch (err) {
      res
        .status(500)
        .type('text/plain')
        .send(`metrics unavailable: ${(err as Error).message}`);
    }
  });
  app.use('/', serverAdapter.getRouter());
  return new Promise((resolve) => {
    const server = app.listen(
      config.dashboardPort,
      config.dashboardHost,
      () => {
        logger.info(
          { url: `http://${config.dashboardHost}:${config.dashboardPort}/` },
          'Dashboard listening',
        );
        resolve(server);
      },
    );
    server.on('error', (err) => {
      // A busy port must not stop the pipeline; the dashboard is optional.
      logger.warn(
        { err: err.message, port: config.dashboardPort },
        'Dashboard not started',
      );
      resolve(null);
    });
  });
}
