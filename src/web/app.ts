import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';

export async function buildApp(opts: { ctx: AppContext }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  void opts;
  return app;
}
