import packageJson from '../../../package.json';

/** The bridge ships with the extension; both carry the package version. */
export const BRIDGE_VERSION: string = packageJson.version;
