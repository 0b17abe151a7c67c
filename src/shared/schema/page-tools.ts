import { z } from 'zod';

/**
 * Page tools: functions a page registers for agents through WebMCP (`document.modelContext`,
 * behind Chromium's `WebMCP` feature today; docs/SPEC.md section 3, "Page tools"). Everything in
 * them is written by the page, so they are marked untrusted: a name or description is what the
 * page says, not an instruction.
 */

/** Caps that keep a hostile page from filling an observation or an answer. */
export const PAGE_TOOL_LIMITS = {
  tools: 32,
  name_chars: 128,
  description_chars: 500,
  schema_chars: 2_000,
  argument_chars: 16_000,
  result_chars: 8_000,
} as const;

export const PageTool = z.strictObject({
  name: z.string().describe('Pass it as page_tool.name to execute'),
  description: z.string().describe("The page's own words, cut to 500 characters"),
  input_schema: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('JSON Schema of the arguments as the page declared it; null when it declared none'),
  input_schema_cut: z
    .boolean()
    .describe('The schema was longer than 2000 characters: only property names and types are kept'),
  declarative: z.boolean().describe('A <form toolname=…> tool (filling and submitting the form)'),
  origin: z.string().describe('The origin of the document that registered the tool'),
  provided_by: z.literal('page'),
  untrusted: z.literal(true),
});
export type PageTool = z.infer<typeof PageTool>;

/** What a page tool answered, in an execute answer (ours, additive). */
export const PageToolResult = z.strictObject({
  name: z.string(),
  origin: z.string(),
  result: z
    .string()
    .nullable()
    .describe(
      "The tool's answer as the page returned it (text, or its JSON), cut to 8000 characters",
    ),
  truncated: z.boolean(),
  provided_by: z.literal('page'),
  untrusted: z.literal(true),
});
export type PageToolResult = z.infer<typeof PageToolResult>;

/** The flag that turns WebMCP on in Chromium 156 (`npm start -- --page-tools` passes it). */
export const WEBMCP_FLAG = '--enable-features=WebMCP';
