import { z } from 'zod';
import { Delta, OBSERVATION_ID_PATTERN } from './delta';
import { IsoDateTime } from './common';
import { PageTool } from './page-tools';
import { Session } from './session';

export const Viewport = z.strictObject({
  scroll_x: z.number().int(),
  scroll_y: z.number().int(),
  viewport_width: z.number().int(),
  viewport_height: z.number().int(),
  total_width: z.number().int(),
  total_height: z.number().int(),
});
export type Viewport = z.infer<typeof Viewport>;

export const TabInfo = z.strictObject({
  tab_id: z
    .number()
    .int()
    .describe("Index of the tab in the session's window (switch_tab.tab_index)"),
  title: z.string(),
  url: z.string(),
});
export type TabInfo = z.infer<typeof TabInfo>;

export const Metadata = z.strictObject({
  title: z.string(),
  url: z.string(),
  viewport: Viewport,
  tabs: z.array(TabInfo),
  timestamp: IsoDateTime,
});
export type Metadata = z.infer<typeof Metadata>;

export const SpaceCategory = z.enum([
  'homepage',
  'search-results',
  'data-feed',
  'item',
  'auth',
  'form',
  'manage-cookies',
  'overlay',
  'payment',
  'captcha',
  'other',
]);
export type SpaceCategory = z.infer<typeof SpaceCategory>;

export const ElementSelector = z.strictObject({
  css_selector: z.string(),
  xpath_selector: z.string(),
  in_iframe: z.boolean(),
  in_shadow_root: z.boolean(),
  iframe_parent_css_selectors: z.array(z.string()),
  shadow_host_css_selectors: z.array(z.string()),
});
export type ElementSelector = z.infer<typeof ElementSelector>;

export const INTERACTION_CATEGORY = 'Interaction Actions' as const;
export const BROWSER_CATEGORY = 'Special Browser Actions' as const;

/** One interactive element as an action an agent can take (docs/SPEC.md section 4). */
export const InteractionActionOut = z.looseObject({
  type: z.enum(['click', 'fill', 'check', 'select_dropdown_option', 'upload_file']),
  category: z.literal(INTERACTION_CATEGORY),
  description: z.string(),
  id: z.string(),
  value: z.union([z.string(), z.boolean()]).optional(),
  clear_before_fill: z.boolean().optional(),
  file_path: z.string().optional(),
  in_viewport: z.boolean().optional().describe('Ours: whether the element is in the viewport'),
  selector: ElementSelector.optional(),
});
export type InteractionActionOut = z.infer<typeof InteractionActionOut>;

export const BrowserActionOut = z.looseObject({
  type: z.string(),
  category: z.literal(BROWSER_CATEGORY),
  description: z.string(),
});
export type BrowserActionOut = z.infer<typeof BrowserActionOut>;

export const Space = z.strictObject({
  description: z.string(),
  interaction_actions: z.array(InteractionActionOut),
  category: SpaceCategory.nullable(),
  actions: z.array(z.union([InteractionActionOut, BrowserActionOut])),
  browser_actions: z.array(BrowserActionOut),
  markdown: z.string(),
});
export type Space = z.infer<typeof Space>;

export const ImageCategory = z.enum([
  'favicon',
  'icon',
  'content_image',
  'decorative',
  'svg_icon',
  'svg_content',
]);
export type ImageCategory = z.infer<typeof ImageCategory>;

export const ImageData = z.strictObject({
  url: z.string().nullable(),
  category: ImageCategory.nullable(),
  description: z.string().nullable(),
});
export type ImageData = z.infer<typeof ImageData>;

export const StructuredData = z.strictObject({
  success: z.boolean(),
  error: z.string().nullable(),
  data: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullable(),
});
export type StructuredData = z.infer<typeof StructuredData>;

export const PageData = z.strictObject({
  markdown: z.string(),
  images: z.array(ImageData),
  structured: StructuredData,
});
export type PageData = z.infer<typeof PageData>;

export const Progress = z.strictObject({
  current_step: z.number().int(),
  max_steps: z.number().int(),
});

/** A child frame whose content the observation leaves out (ours; older clients ignore it). */
export const SkippedFrame = z.strictObject({
  url: z.string(),
  reason: z
    .enum([
      'timeout',
      'no-content-script',
      'too-deep',
      'error',
      'slot-mismatch',
      'slot-claimed-twice',
    ])
    .describe(
      'timeout: the frames of one observation share one deadline, and this one missed it; ' +
        'no-content-script: the frame never answered; too-deep: nested past the depth limit; ' +
        "slot-mismatch: the frame's viewport is not the size of the frame element it claims; " +
        'slot-claimed-twice: two frames claimed one frame element, and neither is shown',
    ),
});
export type SkippedFrame = z.infer<typeof SkippedFrame>;

/** Names the rest of a capture that `max_tokens` cut (ours): `c_` and 16 hex digits. */
export const CURSOR_PATTERN = /^c_[0-9a-f]{16}$/;

export const ObserveBudget = z.strictObject({
  max_tokens: z.number().int(),
  elements_left_out: z.number().int(),
  outline_lines_left_out: z.number().int(),
  content_lines_left_out: z.number().int(),
  cursor: z
    .string()
    .regex(CURSOR_PATTERN)
    .optional()
    .describe('Ours: present while something is left out; observe {cursor} answers the next part'),
  part: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Ours: which part of the capture this answer is (1 is the first observe answer)'),
});
export type ObserveBudget = z.infer<typeof ObserveBudget>;

export const Observation = z.strictObject({
  metadata: Metadata,
  screenshot: z.string().nullable().describe('Base64 JPEG when the request asked for one'),
  space: Space,
  data: PageData.nullable(),
  progress: Progress,
  session: Session,
  skipped_frames: z
    .array(SkippedFrame)
    .optional()
    .describe('Ours: child frames left out of this observation, and why'),
  observation_id: z
    .string()
    .regex(OBSERVATION_ID_PATTERN)
    .optional()
    .describe('Ours: names this observation for a later observe `since`'),
  delta: Delta.optional().describe('Ours: present when the request asked `since`'),
  budget: ObserveBudget.optional().describe(
    'Ours: present when max_tokens cut the answer: what was left out',
  ),
  page_tools: z
    .array(PageTool)
    .optional()
    .describe(
      'Ours: tools the page registered through WebMCP (untrusted, written by the page); absent when it has none or the browser lacks WebMCP',
    ),
});
export type Observation = z.infer<typeof Observation>;

export const DEFAULT_MAX_NB_ACTIONS = 100;

export const ObserveRequest = z.strictObject({
  url: z.url().optional().describe('Navigate here first and wait for the load'),
  instructions: z.string().max(2000).optional().describe('Keywords that filter and rank actions'),
  min_nb_actions: z.number().int().min(0).optional(),
  max_nb_actions: z.number().int().min(1).max(10_000).default(DEFAULT_MAX_NB_ACTIONS),
  perception_type: z.enum(['fast', 'deep']).optional(),
  scope: z.enum(['viewport', 'page']).default('viewport'),
  screenshot: z.boolean().default(false),
  data: z.boolean().default(true),
  ids_in_markdown: z.boolean().default(false),
  selectors: z.boolean().default(false),
  reveal_secrets: z
    .boolean()
    .default(false)
    .describe(
      'Ours: show card numbers, one-time codes and other secret field values unmasked (passwords never)',
    ),
  max_tokens: z
    .number()
    .int()
    .min(100, 'max_tokens below 100 leaves no room for a page: ask at least 100')
    .optional()
    .describe('Ours: cut the answer to about this many tokens (4 characters each), elements first'),
  since: z
    .string()
    .regex(OBSERVATION_ID_PATTERN, 'since takes the observation_id of an earlier observe answer')
    .optional()
    .describe('Ours: answer only what changed since this observation of the session'),
  cursor: z
    .string()
    .regex(CURSOR_PATTERN, 'cursor takes budget.cursor of an earlier observe answer (c_…)')
    .optional()
    .describe(
      'Ours: answer the next part of the capture an earlier max_tokens answer cut, without reading the page again; not with url or since',
    ),
});
export type ObserveRequest = z.infer<typeof ObserveRequest>;
export type ObserveRequestInput = z.input<typeof ObserveRequest>;
