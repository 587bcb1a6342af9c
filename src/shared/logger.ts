import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** @defaultValue 'info' */
  level?: LevelWithSilent;
  /** Where JSON lines go. @defaultValue stderr (fd 2), so stdout stays for results. */
  destination?: number;
}

/**
 * The root logger: JSON lines on stderr. Secrets and article bodies are never
 * logged; the redact list is a second line of defence.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { pid: process.pid },
      redact: {
        paths: [
          'secret',
          '*.secret',
          'headers.authorization',
          'text',
          '*.text',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd: opts.destination ?? 2, sync: true }),
  );
}
