/**
 * The embedded server's data directory: where its socket goes (a short path
 * in tmpdir when the directory's own would be too long for a unix socket),
 * and the check that the directory takes files at all.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RuntimeError } from '../../shared/errors.js';
import { SOCKET_FILE, USERS_DIR } from './lock.js';
import { unlinkQuiet } from './process.js';

/**
 * sun_path holds 108 bytes on Linux and 104 on macOS, both including the
 * terminating NUL; stay under the smaller one.
 */
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * The socket path for a data directory: `<dataDir>/redis.sock`, or, when
 * that is too long for a unix socket address, `<tmpdir>/troopwatch-redis-
 * <hash>.sock` where the hash is of the uid and the absolute dataDir, so each
 * data directory still gets its own stable socket. The socket is created
 * with mode 0700, so other users cannot connect even in a shared tmpdir.
 */
export function embeddedSocketPath(dataDir: string): string {
  const abs = path.resolve(dataDir);
  const inDir = path.join(abs, SOCKET_FILE);
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH_BYTES) return inDir;
  const hash = createHash('sha256')
    .update(`${process.getuid?.() ?? ''}:${abs}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(os.tmpdir(), `troopwatch-redis-${hash}.sock`);
}

/** Errors that say the data directory cannot take our files. */
const UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/**
 * Create the data directory and prove it takes a file: a read-only or full
 * disk is one clear error here, not a failed redis-server start.
 *
 * @throws RuntimeError `data_dir_unwritable`.
 */
export async function assertWritable(dataDir: string): Promise<void> {
  // Unique per call: one process may start several handles at once.
  const probe = path.join(dataDir, `.write-probe-${randomUUID()}`);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await mkdir(path.join(dataDir, USERS_DIR), {
      recursive: true,
      mode: 0o700,
    });
    await writeFile(probe, 'ok', { mode: 0o600 });
    await unlink(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!UNWRITABLE.has(code)) throw err;
    await unlinkQuiet(probe);
    const why =
      code === 'EROFS'
        ? 'read-only file system'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? 'no space left on the disk'
          : 'permission denied';
    throw new RuntimeError(
      `data: cannot write to the data directory ${dataDir} (${why}); ` +
        'fix it or point TROOPWATCH_DATA_DIR elsewhere',
      'data_dir_unwritable',
      { cause: err },
    );
  }
}
