import { parentPort } from 'node:worker_threads';
import { cleanHtml } from '../shared/clean/html.js';

/**
 * A clean-pool thread: parses one page at a time with jsdom and Readability,
 * away from the event loop that renews BullMQ's job locks. Page scripts
 * never run (cleanHtml does not execute them).
 */
parentPort!.on(
  'message',
  (task: { id: number; html: string; url?: string }) => {
    try {
      const result = cleanHtml(task.html, task.url ? { url: task.url } : {});
      parentPort!.postMessage({ id: task.id, result });
    } catch (err) {
      parentPort!.postMessage({
        id: task.id,
        error: (err as Error).message ?? String(err),
      });
    }
  },
);
