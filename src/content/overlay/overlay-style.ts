/** Styles inside the overlay's closed shadow root; the page's CSS cannot reach them. */
export const OVERLAY_CSS = `
:host { all: initial; }
.box {
  position: fixed;
  box-sizing: border-box;
  border: 2px solid #e8590c;
  background: rgba(232, 89, 12, 0.12);
  border-radius: 3px;
}
.label {
  position: fixed;
  padding: 1px 4px;
  font: 600 11px/14px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color: #fff;
  background: #e8590c;
  border-radius: 3px;
  white-space: nowrap;
}
`;

/** Host styles set inline, so a page stylesheet matching `div` cannot move or hide it. */
export const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'inset: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'pointer-events: none',
  'contain: layout style',
]
  .map((rule) => `${rule} !important`)
  .join(';');
