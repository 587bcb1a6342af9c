import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Runtime } from '../queues/runtime.js';
import { STAGES } from '../queues/names.js';
import { deliveryStates, queueCounts } from './report.js';

/**
 * Prometheus metrics of the pipeline, read from Redis at scrape time, so
 * every fleet member's work is counted whichever process serves them.
 */
export function createMetrics(rt: Runtime): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'troopwatch_process_' });
  new Gauge({
    name: 'troopwatch_queue_jobs',
    help: 'Jobs per stage queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const counts = await queueCounts(rt);
      for (const stage of STAGES) {
        for (const [state, n] of Object.entries(counts[stage]))
          this.set({ queue: stage, state }, n);
      }
    },
  });
  new Gauge({
    name: 'troopwatch_claims',
    help: 'Distinct novelty keys recorded',
    registers: [registry],
    async collect() {
      this.set(await rt.redis.hlen(rt.store.keys.claims));
    },
  });
  new Gauge({
    name: 'troopwatch_deliveries',
    help: 'Webhook deliveries per state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      for (const [state, n] of Object.entries(
        deliveryStates(await rt.store.claims.listAlerts()),
      ))
        this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'troopwatch_feeds_failing',
    help: 'Feeds whose last poll failed (backing off or gone)',
    registers: [registry],
    async collect() {
      this.set(
        (await rt.store.feeds.list()).filter((f) => f.state !== 'active')
          .length,
      );
    },
  });
  return registry;
}
