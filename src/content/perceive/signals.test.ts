import { describe, expect, it } from 'vitest';
import type { Box, LayoutCache } from './layout';
import { classify } from './roles';
import { createSignalCollector } from './signals';

const VIEWPORT: Box = { left: 0, top: 0, right: 1280, bottom: 720 };
const at = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

// Boxes by element, and which elements had theirs read.
function fakeLayout(boxes: Map<Element, Box>): LayoutCache & { read: Element[] } {
  const read: Element[] = [];
  return {
    read,
    box: (element) => {
      read.push(element);
      return boxes.get(element) ?? at(0, 0, 0, 0);
    },
    style: () => ({}) as CSSStyleDeclaration,
    computedStyle: window.getComputedStyle.bind(window),
    viewport: VIEWPORT,
  };
}

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

// Whether one rendered element, at `box` under `clip`, makes the page a captcha.
function captchaOf(html: string, box: Box, clip: Box | null = null): boolean {
  const target = element(html);
  const signals = createSignalCollector();
  signals.element(target, target.localName, true, fakeLayout(new Map([[target, box]])), clip);
  return signals.result(document).captcha;
}

const RECAPTCHA_FRAME = '<iframe src="https://www.google.com/recaptcha/api2/anchor?k=x"></iframe>';

describe('captcha signal', () => {
  it('takes a challenge widget of real size in the viewport', () => {
    expect(captchaOf(RECAPTCHA_FRAME, at(40, 300, 304, 78))).toBe(true);
    expect(captchaOf('<div class="g-recaptcha"></div>', at(40, 300, 304, 78))).toBe(true);
    expect(captchaOf('<div class="h-captcha"></div>', at(40, 300, 303, 78))).toBe(true);
    expect(captchaOf('<div class="cf-turnstile"></div>', at(40, 300, 300, 65))).toBe(true);
    expect(captchaOf('<div id="captchaBox"></div>', at(40, 300, 200, 80))).toBe(true);
    expect(captchaOf('<div aria-label="reCAPTCHA"></div>', at(40, 300, 304, 78))).toBe(true);
  });

  it('leaves out empty containers and icons', () => {
    // A reCAPTCHA v1 container its script never filled, and a comment form's captcha icon.
    expect(captchaOf('<div id="recaptcha_div"></div>', at(24, 400, 1232, 0))).toBe(false);
    expect(captchaOf('<img class="captcha" src="c.png">', at(24, 400, 18, 18))).toBe(false);
    expect(captchaOf(RECAPTCHA_FRAME, at(40, 300, 0, 0))).toBe(false);
  });

  it('leaves out a challenge below the fold or clipped away', () => {
    expect(captchaOf(RECAPTCHA_FRAME, at(40, 2000, 304, 78))).toBe(false);
    expect(captchaOf(RECAPTCHA_FRAME, at(40, 300, 304, 78), at(0, 0, 1280, 310))).toBe(false);
    expect(captchaOf(RECAPTCHA_FRAME, at(40, 300, 304, 78), at(0, 0, 1280, 720))).toBe(true);
  });

  it('leaves out invisible reCAPTCHA and words that merely contain captcha', () => {
    const big = at(40, 300, 304, 78);
    expect(captchaOf('<div class="grecaptcha-badge"></div>', big)).toBe(false);
    expect(captchaOf('<div class="g-recaptcha" data-size="invisible"></div>', big)).toBe(false);
    expect(captchaOf('<div class="nocaptchaplease"></div>', big)).toBe(false);
    expect(captchaOf('<div class="recaptchas-list"></div>', big)).toBe(false);
  });

  it('trusts markers without a layout engine', () => {
    const signals = createSignalCollector();
    const challenge = element('<div class="g-recaptcha"></div>');
    signals.element(challenge, challenge.localName, true, null, null);
    expect(signals.result(document).captcha).toBe(true);
  });

  it('reads a box only for elements marked as a challenge', () => {
    const plain = [element('<div class="header"></div>'), element('<span></span>')];
    const marked = element('<div id="recaptcha_div"></div>');
    const layout = fakeLayout(new Map());
    const signals = createSignalCollector();
    for (const target of [...plain, marked, element('<div class="cookie-note"></div>')]) {
      signals.element(target, target.localName, true, layout, null);
    }
    expect(layout.read).toEqual([marked]);
  });
});

describe('payment signal', () => {
  const paymentFields = (html: string): number => {
    const signals = createSignalCollector();
    const host = document.createElement('form');
    host.innerHTML = html;
    for (const field of host.querySelectorAll('input')) {
      signals.listed(field, classify(field, false), '', false);
    }
    return signals.result(document).payment_fields;
  };

  it('counts card fields by autocomplete, name or id', () => {
    expect(paymentFields('<input autocomplete="cc-number"><input name="cvc">')).toBe(2);
    expect(paymentFields('<input id="cc_num"><input name="cardSecurityCode">')).toBe(2);
  });

  it("does not count a captcha's security code", () => {
    expect(paymentFields('<input id="ctl00_txtSecurityCode" name="ctl00$txtSecurityCode">')).toBe(
      0,
    );
  });
});
