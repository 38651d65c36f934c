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

export const responseSerializerCompiler: SerializerCompiler = (route) => {
  const schema = route.schema as z.ZodType;
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
  } catch {
    return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  }
  delete jsonSchema.$schema;
  return fastJson(jsonSchema as unknown as Parameters<typeof fastJson>[0]);
};
