/**
 * The server under test, run as a child process so autocannon (in the parent) and the server do not
 * share one event loop. Serves, on two ports, the real app (`buildApp`, production mode: DEMO off,
 * logger off) and a bare Fastify app on the same database — the baseline: a Zod-validated primary-key
 * SELECT, a single-row INSERT transaction, and a hello-world. Prints `{"app":port,"bare":port}`.
 *
 * Env: DATABASE_URL or DATA_DIR (PGlite), DATA_KEY.
 */
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/connect.ts';
import { loadKeyring } from '../../src/app/keys.ts';
import { systemClock } from '../../src/clock.ts';
import { buildApp } from '../../src/server/build-app.ts';
import { responseSerializerCompiler } from '../../src/server/serializer.ts';

const config = loadConfig({ ...process.env, DEMO: 'off', LOG_LEVEL: 'silent' });
const handle = await connect(config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir });
const deps = { db: handle.db, clock: systemClock, keyring: loadKeyring(config), publicBaseUrl: config.publicBaseUrl };
const app = await buildApp({ config, deps, logger: false });

const bare = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
bare.setValidatorCompiler(validatorCompiler);
// The same validator and response serializer as the app, so the baseline is the same set-up.
bare.setSerializerCompiler(responseSerializerCompiler);
bare.get('/bare/hello', async () => ({ hello: 'world' }));
bare.get(
  '/bare/cadres/:id',
  { schema: { params: z.object({ id: z.uuid() }), response: { 200: z.object({ id: z.string(), name: z.string(), position: z.string() }) } } },
  async (request) => handle.db.selectFrom('cadres').select(['id', 'name', 'position']).where('id', '=', request.params.id).executeTakeFirstOrThrow(),
);
bare.post('/bare/insert', { schema: { body: z.object({ payload: z.string().max(200) }) } }, async (request) => {
  await sql`insert into bench_inserts (payload, at) values (${request.body.payload}, now())`.execute(handle.db);
  return { ok: true };
});

await app.listen({ port: 0, host: '127.0.0.1' });
await bare.listen({ port: 0, host: '127.0.0.1' });
const portOf = (server: typeof app.server) => (server.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ app: portOf(app.server), bare: portOf(bare.server) })}\n`);

const shutdown = async () => {
  await app.close();
  await bare.close();
  await handle.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
