import { h } from './dom';

const FEEDBACK_MS = 1_200;

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The async clipboard needs a focused document; a popup opened as a tab may lack focus.
    const area = h('textarea', { 'aria-hidden': 'true' });
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) {
      throw new Error('copy failed');
    }
  }
}

/** A button that copies what `text()` returns and says so for a moment. */
export function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy' }, label);
  button.addEventListener('click', () => {
    writeClipboard(text()).then(
      () => flash(button, 'Copied', label),
      () => flash(button, 'Copy failed', label),
    );
  });
  return button;
}

function flash(button: HTMLButtonElement, message: string, label: string): void {
  button.textContent = message;
  setTimeout(() => {
    button.textContent = label;
  }, FEEDBACK_MS);
}
