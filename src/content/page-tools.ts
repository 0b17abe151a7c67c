import {
  checkArguments,
  cutResult,
  cutSchema,
  oneLine,
  resultText,
  unknownToolMessage,
  webmcpMissingMessage,
} from '@shared/page-tools';
import { TabsightError } from '@shared/schema/errors';
import { PAGE_TOOL_LIMITS, type PageTool, type PageToolResult } from '@shared/schema/page-tools';

/**
 * WebMCP as Chromium 156 ships it behind `--enable-features=WebMCP`: `document.modelContext`
 * (not `navigator`), only in secure contexts, and visible to the content script's isolated world
 * too. `getTools()` lists the document's tools (script-registered and `<form toolname>` ones) as
 * plain objects; `executeTool(tool, args)` runs the page's handler with `args` and resolves to a
 * string: the handler's string, or the JSON of what it returned. Cross-origin frames are denied
 * the API by the `tools` permissions policy, so only the top frame is asked.
 */
interface RegisteredTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  origin?: string;
}

interface ModelContext {
  getTools(): Promise<RegisteredTool[]>;
  executeTool(tool: RegisteredTool, input: Record<string, unknown>): Promise<string | null>;
}

const LIST_TIMEOUT_MS = 1_000;
/** Under the worker's wait for the reply (22 s), so the agent hears the page's tool was slow. */
export const CALL_TIMEOUT_MS = 20_000;

const modelContextOf = (doc: Document): ModelContext | null => {
  const mc = (doc as Document & { modelContext?: ModelContext }).modelContext;
  return mc && typeof mc.getTools === 'function' ? mc : null;
};

const within = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TabsightError('timeout', message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

const isDeclarative = (doc: Document, name: string): boolean =>
  doc.querySelector(`form[toolname="${CSS.escape(name)}"]`) !== null;

function toWire(doc: Document, tool: RegisteredTool): PageTool {
  const { schema, cut } = cutSchema(tool.inputSchema);
  return {
    name: oneLine(String(tool.name), PAGE_TOOL_LIMITS.name_chars),
    description: oneLine(
      String(tool.description ?? tool.title ?? ''),
      PAGE_TOOL_LIMITS.description_chars,
    ),
    input_schema: schema,
    input_schema_cut: cut,
    declarative: isDeclarative(doc, tool.name),
    origin: String(tool.origin ?? location.origin),
    provided_by: 'page',
    untrusted: true,
  };
}

/**
 * The top document's tools for an observation, or undefined when it has none or no WebMCP: one
 * property read when the browser lacks the API, so observe costs nothing then.
 */
export async function listPageTools(doc: Document = document): Promise<PageTool[] | undefined> {
  const mc = window === window.top ? modelContextOf(doc) : null;
  if (!mc) {
    return undefined;
  }
  try {
    const tools = await within(mc.getTools(), LIST_TIMEOUT_MS, 'getTools did not answer');
    const listed = tools.slice(0, PAGE_TOOL_LIMITS.tools).map((t) => toWire(doc, t));
    return listed.length > 0 ? listed : undefined;
  } catch {
    // A page that breaks its own tool list still gets observed, without tools.
    return undefined;
  }
}

/** Checks a call against the page's tools and, unless `checkOnly`, runs it. */
export async function callPageTool(
  name: string,
  args: Record<string, unknown>,
  checkOnly: boolean,
  doc: Document = document,
): Promise<PageToolResult | null> {
  const mc = modelContextOf(doc);
  if (!mc) {
    throw new TabsightError('not-supported', webmcpMissingMessage(window.isSecureContext));
  }
  const tools = await within(mc.getTools(), LIST_TIMEOUT_MS, 'the page did not list its tools');
  const tool = tools.find((t) => t.name === name);
  if (!tool) {
    throw new TabsightError(
      'invalid-request',
      unknownToolMessage(
        name,
        tools
          .slice(0, PAGE_TOOL_LIMITS.tools)
          .map((t) => oneLine(String(t.name), PAGE_TOOL_LIMITS.name_chars)),
      ),
    );
  }
  // Checked against the whole schema, not the cut one an observation shows.
  const problems = checkArguments(tool.inputSchema, args);
  if (problems.length > 0) {
    throw new TabsightError(
      'invalid-request',
      `arguments do not fit page tool ${JSON.stringify(name)}: ${problems.join('; ')}`,
      "see its input_schema in the observation's page_tools",
    );
  }
  if (checkOnly) {
    return null;
  }
  let raw: string | null;
  try {
    raw = await within(
      mc.executeTool(tool, args),
      CALL_TIMEOUT_MS,
      `page tool ${JSON.stringify(name)} did not answer within ${CALL_TIMEOUT_MS / 1000} s` +
        (isDeclarative(doc, name)
          ? ' (a form tool without toolautosubmit fills the form and waits for the user to submit it)'
          : ''),
    );
  } catch (err) {
    if (err instanceof TabsightError) {
      throw err;
    }
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new TabsightError(
      'invalid-request',
      `page tool ${JSON.stringify(name)} failed in the page: ${oneLine(reason, 300)}`,
    );
  }
  return {
    name,
    origin: String(tool.origin ?? location.origin),
    ...cutResult(resultText(raw)),
    provided_by: 'page',
    untrusted: true,
  };
}
