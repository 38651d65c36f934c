/**
 * Writing responses: each route's Zod response schema is turned into JSON Schema (as for the
 * OpenAPI document) and compiled once with fast-json-stringify, Fastify's own serializer. Only the
 * declared fields are written, as with Zod's serializer, but without first copying and re-checking
 * the whole answer: on a 50-row inbox page Zod's encode costs several times the JSON writing itself
 * (docs/SCALING.md). The handlers' answers are checked against the same schemas by the compiler
 * (ZodTypeProvider). A schema JSON Schema cannot express (a transform) keeps Zod's serializer.
 */
import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type SerializerCompiler = Parameters<FastifyInstance['setSerializerCompiler']>[0];

/**
 * Compiled on a route's first answer with that status, not at start-up: Fastify asks for a
 * serializer per route and status code (~150 routes, most with six error answers), and compiling
 * them all up front was about a third of the time to start.
 */
export const responseSerializerCompiler: SerializerCompiler = (route) => {
  let serialize: ((data: unknown) => string) | undefined;
  return (data: unknown) => (serialize ??= compileSerializer(route))(data);
};

function compileSerializer(route: Parameters<SerializerCompiler>[0]): (data: unknown) => string {
  const schema = route.schema as z.ZodType;
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
  } catch {
    return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]) as (data: unknown) => string;
  }
  delete jsonSchema.$schema;
  return fastJson(jsonSchema as unknown as Parameters<typeof fastJson>[0]);
}
