import { SDK_VERSION_HEADER, type SdkEra } from './sdk-facts';

/**
 * Which answer shape a client parses. `seed` is the bridge's own contract (the shape of the hosted
 * API at v1.5), kept for every plain HTTP client; the SDK eras differ where the SDK's answer
 * models disagree with one another (see README, "Notte SDK compatibility").
 */
export type ClientProfile = 'seed' | SdkEra;

const versionOf = (header: string): [number, number] | null => {
  const match = /^v?(\d+)\.(\d+)/.exec(header.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
};

/** From the version header alone: every SDK release that sends it parses the v1.8 answers. */
export function profileFromHeaders(header: (name: string) => string | undefined): ClientProfile {
  const value = header(SDK_VERSION_HEADER);
  if (value === undefined) {
    return 'seed';
  }
  const version = versionOf(value);
  // v1.7 is the first release with the header; it is answered like v1.8, the nearest known models.
  return version === null || version[0] > 1 || version[1] >= 7 ? 'sdk-1.8' : 'sdk-1.6';
}

const V15_OBSERVE_KEYS = ['min_nb_actions', 'max_nb_actions', 'url', 'instructions'] as const;

/**
 * Observe tells the older SDKs apart by their bodies: v1.6.0 always sends `perception_type`;
 * v1.5.x always sends all four of its keys, unset ones as null.
 */
export function profileFromObserve(
  header: (name: string) => string | undefined,
  body: unknown,
): ClientProfile {
  const fromHeader = profileFromHeaders(header);
  if (fromHeader !== 'seed' || typeof body !== 'object' || body === null) {
    return fromHeader;
  }
  const keys = Object.keys(body);
  if (keys.includes('perception_type')) {
    return 'sdk-1.6';
  }
  // Bridge-only options (scope, selectors, …) may ride along; the four keys are the signature.
  return V15_OBSERVE_KEYS.every((k) => keys.includes(k)) ? 'sdk-1.5' : 'seed';
}
