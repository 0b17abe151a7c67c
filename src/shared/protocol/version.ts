/** SemVer of the bridge⇄extension protocol; majors must match. */
// 2: page.observe answers without the derived space.actions and space.markdown (bridge-link.ts).
export const PROTOCOL_VERSION = '2.0.0';

export type VersionCheck =
  { compatible: true } | { compatible: false; reason: 'major-mismatch' | 'malformed' };

export function checkProtocolVersion(
  theirs: string,
  ours: string = PROTOCOL_VERSION,
): VersionCheck {
  const parse = (v: string) => /^(\d+)\.(\d+)\.(\d+)$/.exec(v)?.slice(1).map(Number);
  const a = parse(theirs);
  const b = parse(ours);
  if (!a || !b) {
    return { compatible: false, reason: 'malformed' };
  }
  return a[0] === b[0] ? { compatible: true } : { compatible: false, reason: 'major-mismatch' };
}
