import { z } from 'zod';
import {
  API_ROUTES,
  INPUT_SCHEMAS,
  OUTPUT_SCHEMAS,
  SessionPath,
  type ApiRoute,
} from './api-routes';

type JsonObject = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Generates component schemas from a named set; nested named schemas become $refs. */
function components(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) {
    registry.add(schema, { id });
  }
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  // Component schemas inherit the document's dialect, and their $id would rebase nested $refs.
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const rest = { ...(schema as JsonObject) };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

function parametersOf(route: ApiRoute): JsonObject[] {
  const parameters: JsonObject[] = [];
  const pathSchema = z.toJSONSchema(SessionPath, { io: 'input' }) as JsonObject & {
    properties: Record<string, JsonObject>;
  };
  for (const match of route.path.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: pathSchema.properties[name] ?? {},
    });
  }
  if (route.query) {
    const query = z.toJSONSchema(route.query, { io: 'input' }) as JsonObject & {
      properties?: Record<string, JsonObject>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        schema,
      });
    }
  }
  return parameters;
}

const jsonContent = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });

const errorResponse = (description: string) => ({ description, ...jsonContent(ref('ErrorBody')) });

function okResponse(kind: ApiRoute['response']): JsonObject {
  if (kind === 'SessionList') {
    return { description: 'OK', ...jsonContent({ type: 'array', items: ref('Session') }) };
  }
  if (kind === 'Jpeg') {
    return {
      description: 'JPEG bytes of the visible viewport',
      content: { 'image/jpeg': { schema: { type: 'string', contentMediaType: 'image/jpeg' } } },
    };
  }
  if (kind === 'OpenApi') {
    return { description: 'OpenAPI 3.1 document', ...jsonContent({ type: 'object' }) };
  }
  return { description: 'OK', ...jsonContent(ref(kind)) };
}

function responsesOf(route: ApiRoute): JsonObject {
  const responses: JsonObject = {
    '200': okResponse(route.response),
    '403': errorResponse('Host or Origin not allowed'),
  };
  if (!route.public) {
    responses['401'] = errorResponse('Missing or invalid bearer token');
  }
  if (route.path.startsWith('/sessions')) {
    Object.assign(responses, {
      '404': errorResponse('Unknown session'),
      '409': errorResponse('Session not active, max steps reached, or tab gone'),
      '422': { description: 'Validation error', ...jsonContent(ref('ValidationErrorBody')) },
      '503': errorResponse('Extension not connected: the message says what to do'),
      '504': errorResponse('The tab did not answer in time'),
    });
  }
  if (route.body) {
    Object.assign(responses, {
      '413': errorResponse('Body over 1 MiB'),
      '415': errorResponse('Body is not JSON'),
    });
  }
  return responses;
}

/** The OpenAPI 3.1 document of the bridge, generated from the zod schemas. */
export function buildOpenApi(version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of API_ROUTES) {
    const operation: JsonObject = {
      operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      parameters: parametersOf(route),
      responses: responsesOf(route),
      security: route.public ? [] : [{ bearerAuth: [] }],
    };
    if (route.body) {
      operation.requestBody = { required: !route.bodyOptional, ...jsonContent(ref(route.body)) };
    }
    paths[route.path] = { ...paths[route.path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tabsight bridge',
      version,
      description:
        'Live browser tabs as observations for web agents (loopback only). In request bodies, null for an optional field means not given; unused keys are named in the x-tabsight-ignored-keys response header.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...components(INPUT_SCHEMAS, 'input'),
        ...components(OUTPUT_SCHEMAS, 'output'),
      },
    },
  };
}
