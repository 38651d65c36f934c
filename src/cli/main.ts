/** The `rongcuo` command line. Each command lives in ./commands and registers itself here. */
import '../contracts/bilingual-errors.ts';
import { Command } from 'commander';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerDb } from './commands/db.ts';
import { registerImport } from './commands/import.ts';
import { registerKeys } from './commands/keys.ts';
import { registerUser } from './commands/user.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerStats } from './commands/stats.ts';

const program = new Command('rongcuo')
  .description('容错纠错工作平台命令行 / Rongcuo command line')
  .showHelpAfterError()
  .exitOverride((err) => {
    // Usage errors exit 2 with commander's message; --help and --version exit 0.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerUser(program);
registerAudit(program);
registerImport(program);
registerKeys(program);
registerDb(program);
registerBackup(program);
registerEvaluate(program);
registerGenerate(program);
registerStats(program);

await program.parseAsync(process.argv);
