import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const A_CODE = 'a'.charCodeAt(0);

/**
 * Chrome's extension id for a manifest `key`: sha256 of the SPKI DER public key, first 32 hex
 * digits, each mapped 0-f → a-p (docs/TOOLCHAIN.md section 6; verified against chrome.runtime.id).
 */
export function extensionIdFromKey(keyBase64: string): string {
  const der = Buffer.from(keyBase64.replace(/\s+/g, ''), 'base64');
  if (der.length === 0) {
    throw new Error('the manifest key is empty or not base64');
  }
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(A_CODE + parseInt(digit, 16))).join('');
}

/** The id of the extension whose manifest.json is at this path; it must carry a `key`. */
export function extensionIdOfManifest(manifestPath: string): string {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: unknown };
  if (typeof manifest.key !== 'string') {
    throw new Error(`${manifestPath} has no "key": the extension id would depend on its folder`);
  }
  return extensionIdFromKey(manifest.key);
}
