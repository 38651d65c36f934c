/** Shared plumbing for CLI commands: open the platform from the environment, report errors in both languages. */
import { ConfigError, loadConfig } from '../config.ts';
import { openPlatform, type Platform } from '../app/open.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { DomainError } from '../domain/errors.ts';

export const CLI_ACTOR = { userId: null, label: `cli:${process.env.USER ?? process.env.LOGNAME ?? 'operator'}` };

export async function withPlatform<T>(fn: (platform: Platform) => Promise<T>, opts: { seedDemo?: boolean } = {}): Promise<T> {
  const platform = await openPlatform(loadConfig(), { seedDemo: opts.seedDemo ?? false });
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/** Prints an error the way users need it (what is wrong, in Chinese and English) and sets the exit code. */
export function reportCliError(error: unknown): void {
  if (error instanceof DomainError) {
    console.error(`错误 / Error [${error.code}]${error.field ? ` (${error.field})` : ''}: ${error.messageZh} / ${error.messageEn}`);
  } else if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('错误 / Error:', error instanceof Error ? error.message : error);
  }
  process.exitCode = 2;
}
