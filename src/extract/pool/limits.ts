/**
 * The limits every file read is held to (issue 15): time and memory per file, and how many
 * files are read at once. From the environment, checked at start.
 */
import { fieldError, InputError } from '../../domain/shared/result.ts';

export interface PoolOptions {
  /** Wall time one file may take, in seconds. */
  seconds: number;
  /** V8 heap of a worker (maxOldGenerationSizeMb), in MB. */
  memoryMb: number;
  /** Files read at once (worker threads). */
  workers: number;
}

export const defaultPoolOptions: PoolOptions = { seconds: 30, memoryMb: 512, workers: 2 };

const settings = [
  ['GONGKAI_FILE_SECONDS', 'seconds', 1, 3600, '每个文件的读取时限（秒）'],
  ['GONGKAI_FILE_MEMORY_MB', 'memoryMb', 128, 16384, '每个文件的读取内存上限（MB）'],
  ['GONGKAI_FILE_WORKERS', 'workers', 1, 64, '同时读取文件的线程数'],
] as const;

/** The options the environment sets; a value that is not a whole number in range is refused, naming the variable. */
export function poolOptionsFrom(env: NodeJS.ProcessEnv): PoolOptions {
  const options = { ...defaultPoolOptions };
  for (const [name, key, min, max, label] of settings) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      throw new InputError([fieldError(name, 'GK_FILE_LIMIT_SETTING', `${name}（${label}）应为${min}至${max}的整数，收到“${raw}”`)]);
    }
    options[key] = n;
  }
  return options;
}

/** Over the time or memory limit, unpacking beyond its limit (a zip bomb), the worker died, or the pool is closing. */
export type RefusalReason = 'time' | 'memory' | 'unpacked' | 'crashed' | 'closing';

/** A file the pool could not read within its limits: the message is for the user, in Chinese. */
export class FileRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

export function refusal(reason: Exclude<RefusalReason, 'unpacked'>, options: PoolOptions): FileRefusedError {
  return new FileRefusedError(reason, refusalMessage(reason, options));
}

function refusalMessage(reason: Exclude<RefusalReason, 'unpacked'>, o: PoolOptions): string {
  switch (reason) {
    case 'time':
      return `文件过于复杂，无法在限定时间（${o.seconds} 秒）内读取：请检查文件是否损坏，或另存为较简单的格式后再上传`;
    case 'memory':
      return `文件过于复杂，读取所需内存超过限定（${o.memoryMb} MB）：请检查文件是否损坏，或拆分后再上传`;
    case 'crashed':
      return '读取文件时出错，文件可能已损坏：请检查后重新上传';
    case 'closing':
      return '服务正在停止，文件未能读取：请稍后重试';
  }
}
