import { z } from 'zod';
import { ImageData, StructuredData, Viewport } from '../schema/observation';
import { PageTool } from '../schema/page-tools';

/**
 * Markers that wrap element ids and child-frame slots inside text a content script produces
 * (outline, markdown). Ids are local to a frame; the service worker swaps each marked local id
 * for its tab-wide id. Each content script signs its marks with a random nonce it reports in its
 * snapshot (`mark_nonce`), which the page cannot read from the isolated world: page text that
 * holds these private-use characters cannot forge an id or a frame slot, and whatever of them is
 * left after the swap is page text, which the service worker strips.
 */
export const ID_OPEN = '\uE000';
export const ID_CLOSE = '\uE001';
export const FRAME_OPEN = '\uE002';
export const FRAME_CLOSE = '\uE003';
/** Every marker character: page text that holds one is stripped of it after the swap. */
export const MARK_CHARS = /[\uE000-\uE003]/g;

export interface Marks {
  readonly nonce: string;
  /** A local id, as the service worker will swap it for the tab-wide id. */
  id(localId: string): string;
  /** Where a child frame's text goes, by the token its parent gave the frame element. */
  frame(frameToken: string): string;
  /** Matches the marked ids (group 1: the local id). */
  readonly idPattern: RegExp;
  /** Matches the marked frame slots (group 1: the token). */
  readonly framePattern: RegExp;
}

/** The marks of one content script, signed with its nonce (letters and digits only). */
export function marksOf(nonce: string): Marks {
  if (!/^[0-9a-z]+$/i.test(nonce)) {
    throw new Error(`mark nonce must be letters and digits, got ${JSON.stringify(nonce)}`);
  }
  return {
    nonce,
    id: (localId) => `${ID_OPEN}${nonce}:${localId}${ID_CLOSE}`,
    frame: (frameToken) => `${FRAME_OPEN}${nonce}:${frameToken}${FRAME_CLOSE}`,
    idPattern: new RegExp(`${ID_OPEN}${nonce}:([^${ID_CLOSE}]*)${ID_CLOSE}`, 'g'),
    framePattern: new RegExp(`${FRAME_OPEN}${nonce}:([^${FRAME_CLOSE}]*)${FRAME_CLOSE}`, 'g'),
  };
}

export const Rect = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type Rect = z.infer<typeof Rect>;

export const ElementActionType = z.enum([
  'click',
  'fill',
  'check',
  'select_dropdown_option',
  'upload_file',
]);
export type ElementActionType = z.infer<typeof ElementActionType>;

export const FrameSelector = z.strictObject({
  css_selector: z.string(),
  xpath_selector: z.string(),
  in_shadow_root: z.boolean(),
  shadow_host_css_selectors: z.array(z.string()),
});
export type FrameSelector = z.infer<typeof FrameSelector>;

/** One interactive element as a frame's content script sees it. */
export const FrameElement = z.strictObject({
  local_id: z.string(),
  type: ElementActionType,
  role: z.string(),
  name: z.string(),
  description: z.string().describe('role "name" (state), with no id'),
  in_viewport: z.boolean(),
  rect: Rect.optional().describe(
    "Border box in the frame viewport, CSS px; only in child frames, where the worker places the element in the top frame's viewport (a quarter of a big page's snapshot otherwise)",
  ),
  value: z.union([z.string(), z.boolean()]).optional(),
  selector: FrameSelector.optional(),
});
export type FrameElement = z.infer<typeof FrameElement>;

/** A child frame as its parent sees it: where it sits, so children can be placed and offset. */
export const ChildFrame = z.strictObject({
  token: z
    .string()
    .nullable()
    .describe(
      'The name the document in this frame element claimed (its frame_token); null until it has',
    ),
  rect: Rect,
  content_size: z
    .strictObject({ width: z.number(), height: z.number() })
    .describe("The frame element's content box, untransformed CSS px: its document's viewport"),
  css_selector: z.string(),
  visible: z.boolean(),
});
export type ChildFrame = z.infer<typeof ChildFrame>;

/** Page-wide facts the category heuristics read (computed per frame, merged by OR / sum). */
export const PageSignals = z.strictObject({
  password_fields: z.number().int(),
  text_fields: z.number().int(),
  payment_fields: z.number().int(),
  cookie_banner: z.boolean(),
  modal_dialog: z.boolean(),
  captcha: z.boolean(),
  search_results: z.boolean(),
  feed_items: z.number().int(),
  article: z.boolean(),
  root_path: z.boolean(),
});
export type PageSignals = z.infer<typeof PageSignals>;

/** Signals of a page that shows none: the start of a collection, and a base for tests. */
export const noSignals = (): PageSignals => ({
  password_fields: 0,
  text_fields: 0,
  payment_fields: 0,
  cookie_banner: false,
  modal_dialog: false,
  captcha: false,
  search_results: false,
  feed_items: 0,
  article: false,
  root_path: false,
});

export const FramePage = z.strictObject({
  markdown: z.string(),
  images: z.array(ImageData),
  structured: StructuredData,
});
export type FramePage = z.infer<typeof FramePage>;

export const FrameSnapshot = z.strictObject({
  url: z.string(),
  frame_token: z
    .string()
    .nullable()
    .describe(
      'The name this frame drew for itself and claimed to its parent; null in the top frame',
    ),
  title: z.string(),
  viewport: Viewport,
  elements: z.array(FrameElement),
  frames: z.array(ChildFrame),
  outline: z.string().describe('Text outline with marked ids and frame slots'),
  mark_nonce: z
    .string()
    .regex(/^[0-9a-z]+$/i)
    .describe("The nonce that signs this frame's id and frame marks (see marksOf)"),
  signals: PageSignals,
  page: FramePage.nullable(),
  page_tools: z
    .array(PageTool)
    .optional()
    .describe(
      'The top frame only: the tools its document registered through WebMCP, when it has any',
    ),
  timings_ms: z.record(z.string(), z.number()),
});
export type FrameSnapshot = z.infer<typeof FrameSnapshot>;
