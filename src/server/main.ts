/** `npm start`: open the platform, serve the API and the web app. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.ts';
import { openPlatform } from '../app/open.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { buildApp } from './build-app.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed/load-demo.ts';
import { WebhookDeliveryWorker } from '../jobs/webhook-delivery.ts';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

async function main(): Promise<void> {
  const config = loadConfig();
  const platform = await openPlatform(config);
  const app = await buildApp({ config, deps: platform.deps, webDir });
  // Delivers the outcome ledger to subscribed systems; safe with several nodes (SKIP LOCKED + lease).
  const deliveries = new WebhookDeliveryWorker(platform.deps, {
    allowLoopback: config.webhookAllowLoopback,
    pollMs: config.webhookPollMs,
    log: app.log,
  });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await deliveries.stop();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  deliveries.start();
  const url = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    `容错纠错 Rongcuo 已启动 / is running: ${url}`,
    `数据库 / database: ${config.database}${config.database === 'pglite' ? ` (${config.dataDir})` : ''}${platform.seeded ? ' — 已载入 K 县演示数据 / K County demo data loaded' : ''}`,
  ];
  if (config.demo) {
    lines.push(
      `演示账号 / demo users (密码 / password: ${DEMO_PASSWORD}):`,
      ...DEMO_USERS.map((u) => `  ${u.username.padEnd(11)} ${u.roleLabel}`),
      '演示模式仅用于体验，请勿录入真实数据 / Demo mode: do not enter real personal data.',
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('启动失败 / Start-up failed:', error);
  }
  process.exit(1);
});
