/**
 * The processes a test may leave behind, found in /proc so that a test can
 * assert that none is left.
 */
import { readFile, readdir } from 'node:fs/promises';

/**
 * Live redis-server processes whose socket path contains `needle`: redis
 * sets its process title to "redis-server unixsocket:<path>" when it has no
 * TCP port.
 */
export async function redisPids(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('redis-server') && cmd.includes(needle)) {
        const st = await readFile(`/proc/${entry}/stat`, 'utf8');
        if (st.charAt(st.lastIndexOf(')') + 2) !== 'Z') pids.push(+entry);
      }
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}
