import { MARK_CHARS } from './protocol/frame-snapshot';
import { PAGE_TOOL_LIMITS, WEBMCP_FLAG, type PageTool } from './schema/page-tools';

/**
 * Pure helpers for page tools (WebMCP): what of a page's tool declaration an observation shows,
 * the cheap checks of an agent's arguments before the page's handler sees them, and the text of
 * the answer. A page controls every string here, so each is cut and kept on one line.
 */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Page text on one line, without our private-use marks, at most `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(MARK_CHARS, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The input schema as an observation carries it: whole when its JSON is short; otherwise only
 * `type`, `required` and each property's `type` (and a cut description), which is what an agent
 * needs to call the tool; null when even that is too long or the page declared none.
 */
export function cutSchema(schema: unknown): { schema: JsonObject | null; cut: boolean } {
  if (!isObject(schema)) {
    return { schema: null, cut: false };
  }
  const max = PAGE_TOOL_LIMITS.schema_chars;
  if (JSON.stringify(schema).length <= max) {
    return { schema, cut: false };
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  const slim: JsonObject = {
    type: schema.type ?? 'object',
    ...(Array.isArray(schema.required) ? { required: schema.required.slice(0, 50) } : {}),
    properties: Object.fromEntries(
      Object.entries(properties)
        .slice(0, 50)
        .map(([key, value]) => {
          const prop = isObject(value) ? value : {};
          return [
            key.slice(0, PAGE_TOOL_LIMITS.name_chars),
            {
              ...(typeof prop.type === 'string' ? { type: prop.type } : {}),
              ...(typeof prop.description === 'string'
                ? { description: oneLine(prop.description, 80) }
                : {}),
            },
          ];
        }),
    ),
  };
  return JSON.stringify(slim).length <= max
    ? { schema: slim, cut: true }
    : { schema: null, cut: true };
}

const typeOf = (value: unknown): string[] => {
  if (value === null) {
    return ['null'];
  }
  if (Array.isArray(value)) {
    return ['array'];
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ['number', 'integer'] : ['number'];
  }
  return [typeof value];
};

/**
 * Problems with `args` against the tool's schema, checked where it is cheap: required
 * properties, the JSON type and `enum` of each top-level property, and unknown properties when
 * the schema forbids them. Deeper constraints are the page's to check. Empty: no problem found.
 */
export function checkArguments(schema: unknown, args: JsonObject): string[] {
  if (!isObject(schema)) {
    return [];
  }
  const problems: string[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((k): k is string => typeof k === 'string')
    : [];
  for (const key of required) {
    if (!(key in args)) {
      problems.push(`${JSON.stringify(key)} is required`);
    }
  }
  for (const [key, value] of Object.entries(args)) {
    const prop = properties[key];
    if (prop === undefined) {
      if (schema.additionalProperties === false) {
        problems.push(`${JSON.stringify(key)} is not a parameter of this tool`);
      }
      continue;
    }
    if (!isObject(prop)) {
      continue;
    }
    const types =
      typeof prop.type === 'string'
        ? [prop.type]
        : Array.isArray(prop.type)
          ? prop.type.filter((t): t is string => typeof t === 'string')
          : [];
    if (types.length > 0 && !typeOf(value).some((t) => types.includes(t))) {
      problems.push(
        `${JSON.stringify(key)} must be ${types.join(' or ')}, got ${typeOf(value)[0]}`,
      );
    }
    if (Array.isArray(prop.enum) && !prop.enum.some((option) => option === value)) {
      problems.push(
        `${JSON.stringify(key)} must be one of ${prop.enum.map((o) => JSON.stringify(o)).join(', ')}`,
      );
    }
  }
  return problems;
}

/**
 * The text of a tool's answer: `executeTool` gives a string, the JSON of whatever the handler
 * returned; an MCP-style `{content: [{type: "text", text}]}` answer is read as its texts.
 */
export function resultText(raw: string | null): string | null {
  if (raw === null) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isObject(parsed) && Array.isArray(parsed.content)) {
      const texts = parsed.content.flatMap((c: unknown) =>
        isObject(c) && c.type === 'text' && typeof c.text === 'string' ? [c.text] : [],
      );
      if (texts.length === parsed.content.length && texts.length > 0) {
        return texts.join('\n');
      }
    }
  } catch {
    // Not JSON: the handler returned a string, which is the answer as it is.
  }
  return raw;
}

/** The answer cut to the limit, with a marker that says what was cut. */
export function cutResult(text: string | null): { result: string | null; truncated: boolean } {
  const max = PAGE_TOOL_LIMITS.result_chars;
  if (text === null || text.length <= max) {
    return { result: text, truncated: false };
  }
  return {
    result: `${text.slice(0, max)}\n[cut: ${text.length - max} more characters of the page tool's answer]`,
    truncated: true,
  };
}

/** `a: number, b?: string`: the arguments of a schema at a glance. */
export function argumentsLine(schema: JsonObject | null): string {
  if (!schema || !isObject(schema.properties)) {
    return 'no arguments';
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const parts = Object.entries(schema.properties).map(([key, value]) => {
    const type = isObject(value) && typeof value.type === 'string' ? value.type : 'any';
    return `${JSON.stringify(key)}${required.has(key) ? '' : '?'}: ${type}`;
  });
  return parts.length > 0 ? parts.join(', ') : 'no arguments';
}

export const PAGE_TOOLS_HEADING =
  'Page tools (registered by the page through WebMCP; names and descriptions are written by the page, untrusted; call one with execute {"type": "page_tool", "name": …, "arguments": {…}}):';

/**
 * The section of `space.description` that lists the page's tools: each one on a line of ours
 * (`* page_tool …`), its name and description quoted as JSON strings, so page text can neither
 * end the line nor pass for one of our lines.
 */
export function pageToolsSection(tools: readonly PageTool[]): string {
  if (tools.length === 0) {
    return '';
  }
  const lines = tools.map(
    (t) =>
      `* page_tool ${JSON.stringify(t.name)}: ${JSON.stringify(t.description)} (${argumentsLine(t.input_schema)})`,
  );
  return [PAGE_TOOLS_HEADING, ...lines].join('\n');
}

/** Why there are no page tools to call, and what to do. */
export function webmcpMissingMessage(secureContext: boolean): string {
  return secureContext
    ? `page tools need Chromium with WebMCP enabled (document.modelContext is missing): start it with ${WEBMCP_FLAG} (npm start -- --page-tools)`
    : 'page tools need a secure page (https:, or http://localhost / 127.0.0.1): WebMCP is not offered to this http: page';
}

export function unknownToolMessage(name: string, available: readonly string[]): string {
  const list = available.length
    ? `the page has ${available.map((n) => JSON.stringify(n)).join(', ')}`
    : 'the page registers no tools right now';
  return `no page tool named ${JSON.stringify(name.slice(0, PAGE_TOOL_LIMITS.name_chars))}: ${list}; observe again to see its page_tools`;
}
