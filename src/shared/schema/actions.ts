import { z } from 'zod';
import { PAGE_TOOL_LIMITS } from './page-tools';

/** An element id (docs/SPEC.md section 4) as a regular-expression source, unanchored. */
export const ELEMENT_ID_SOURCE = '[LBIFOM][1-9]\\d*';
export const ELEMENT_ID_PATTERN = new RegExp(`^${ELEMENT_ID_SOURCE}$`);
export const ElementId = z
  .string()
  .regex(
    ELEMENT_ID_PATTERN,
    'an element id is a prefix letter (L, B, I, F, O, M) and a number, e.g. B3',
  )
  .describe('Element id from space.interaction_actions, e.g. B3');

/** Keys an agent may echo back from `space.actions`; accepted and ignored. */
const echoed = {
  category: z.string().optional(),
  description: z.string().optional(),
};

// The type parameter keeps each `type` a literal, so `Action` narrows on `action.type`.
const interaction = <K extends string, T extends z.ZodRawShape>(type: K, shape: T) =>
  z.strictObject({ type: z.literal(type), id: ElementId, ...echoed, ...shape });

const fillShape = {
  value: z.string().describe('Text to type'),
  clear_before_fill: z.boolean().default(true),
  press_enter: z.boolean().optional(),
};

export const UploadFileContent = z.strictObject({
  name: z.string().min(1).max(255),
  base64: z.string().describe('File content, base64'),
  mime_type: z.string().optional(),
});

export const ClickAction = interaction('click', {});
export const FillAction = interaction('fill', fillShape);
export const MultiFactorFillAction = interaction('multi_factor_fill', fillShape);
export const FallbackFillAction = interaction('fallback_fill', fillShape);
export const CheckAction = interaction('check', { value: z.boolean() });
export const SelectDropdownOptionAction = interaction('select_dropdown_option', {
  value: z.string().describe('Option text or value'),
});
export const UploadFileAction = interaction('upload_file', {
  file_path: z.string().min(1).optional().describe('Absolute path of a file on this machine'),
  file: UploadFileContent.optional().describe('Or the file itself, base64 with a name'),
});

const browser = <K extends string, T extends z.ZodRawShape>(type: K, shape: T) =>
  z.strictObject({ type: z.literal(type), ...echoed, ...shape });

export const MAX_WAIT_MS = 30_000;

export const GotoAction = browser('goto', { url: z.url() });
export const GotoNewTabAction = browser('goto_new_tab', { url: z.url() });
export const CloseTabAction = browser('close_tab', {});
export const SwitchTabAction = browser('switch_tab', { tab_index: z.number().int().min(0) });
export const GoBackAction = browser('go_back', {});
export const GoForwardAction = browser('go_forward', {});
export const ReloadAction = browser('reload', {});
export const WaitAction = browser('wait', { time_ms: z.number().int().min(0).max(MAX_WAIT_MS) });
export const PressKeyAction = browser('press_key', { key: z.string().min(1).max(64) });
export const ScrollUpAction = browser('scroll_up', {
  amount: z.number().int().nullable().default(null),
});
export const ScrollDownAction = browser('scroll_down', {
  amount: z.number().int().nullable().default(null),
});
export const ScrapeAction = browser('scrape', {
  instructions: z.string().nullable().optional(),
  only_main_content: z.boolean().default(true),
});
export const FormFillAction = browser('form_fill', {
  value: z.record(z.string(), z.string()).describe('Field values keyed like email, first_name, …'),
  frame_origin: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'an origin is a scheme and a host, e.g. https://pay.example')
    .optional()
    .describe(
      "Ours: fill the frames of this origin (e.g. a payment provider's) instead of the page's own; password fields still fill only in the page's origin",
    ),
});
export const HelpAction = browser('help', { reason: z.string() });
export const CompletionAction = browser('completion', {
  success: z.boolean(),
  answer: z.string(),
});
export const CaptchaSolveAction = browser('captcha_solve', {
  captcha_type: z.string().nullable().optional(),
});
/** Ours: calls a tool the page registered (top-level `page_tools` of an observation). */
export const PageToolAction = browser('page_tool', {
  name: z
    .string()
    .min(1, "page_tool needs the name of a tool from the observation's page_tools")
    .max(PAGE_TOOL_LIMITS.name_chars),
  arguments: z
    .record(z.string(), z.unknown())
    .default({})
    .refine(
      (args) => JSON.stringify(args).length <= PAGE_TOOL_LIMITS.argument_chars,
      `page_tool arguments are at most ${PAGE_TOOL_LIMITS.argument_chars} characters of JSON: send less`,
    )
    .describe("The arguments object, as the tool's input_schema describes it"),
});

export const InteractionAction = z.discriminatedUnion('type', [
  ClickAction,
  FillAction,
  MultiFactorFillAction,
  FallbackFillAction,
  CheckAction,
  SelectDropdownOptionAction,
  UploadFileAction,
]);
export type InteractionAction = z.infer<typeof InteractionAction>;

export const BrowserAction = z.discriminatedUnion('type', [
  GotoAction,
  GotoNewTabAction,
  CloseTabAction,
  SwitchTabAction,
  GoBackAction,
  GoForwardAction,
  ReloadAction,
  WaitAction,
  PressKeyAction,
  ScrollUpAction,
  ScrollDownAction,
  ScrapeAction,
  FormFillAction,
  HelpAction,
  CompletionAction,
  CaptchaSolveAction,
  PageToolAction,
]);
export type BrowserAction = z.infer<typeof BrowserAction>;

/** Any action an agent can execute (docs/SPEC.md section 5). */
export const Action = z.discriminatedUnion('type', [
  ...InteractionAction.options,
  ...BrowserAction.options,
]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];

export const INTERACTION_ACTION_TYPES = InteractionAction.options.map((o) => o.shape.type.value);

const interactionTypes: ReadonlySet<string> = new Set(INTERACTION_ACTION_TYPES);

/** Element actions carry an `id`; everything else is a browser action. */
export const isInteractionAction = (action: Action): action is InteractionAction =>
  interactionTypes.has(action.type);
export const BROWSER_ACTION_TYPES = BrowserAction.options.map((o) => o.shape.type.value);
