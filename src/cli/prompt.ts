/** Reads one line from standard input (a password piped in, or typed without echo on a terminal). */
import readline from 'node:readline';

export async function readSecret(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  try {
    for await (const line of rl) return line.trim();
    return '';
  } finally {
    if (process.stdin.isTTY) process.stdout.write('\n');
    rl.close();
  }
}
