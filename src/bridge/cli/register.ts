import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { configDirOf, type Env } from '../config/config-dir';
import { extensionIdOfManifest } from '../native/extension-id';
import { manifestDirs, registerHost, type Browser, type Registered } from '../native/manifest';
import { repoPaths } from '../config/repo-paths';

export interface RegisterArgs {
  profile?: string;
  browser?: Browser;
  port?: number;
}

export interface RegisterOutcome extends Registered {
  extensionId: string;
}

/** Registers the native host for a profile (or the user's default browser folders). */
export function register(args: RegisterArgs, env: Env = process.env): RegisterOutcome {
  const paths = repoPaths();
  const extensionId = extensionIdOfManifest(paths.manifest);
  const registered = registerHost({
    configDir: configDirOf(env),
    nodePath: process.execPath,
    hostJsPath: paths.hostJs,
    port: args.port,
    extensionId,
    dirs: manifestDirs({
      profile: args.profile ? resolve(args.profile) : undefined,
      browser: args.browser,
      configHome: env.XDG_CONFIG_HOME || join(homedir(), '.config'),
    }),
  });
  return { ...registered, extensionId };
}

export function runRegister(args: RegisterArgs): number {
  const outcome = register(args);
  console.log(`extension id: ${outcome.extensionId}`);
  console.log(`wrote host wrapper: ${outcome.wrapperPath}`);
  for (const path of outcome.manifestPaths) {
    console.log(`wrote host manifest: ${path}`);
  }
  if (!existsSync(repoPaths().hostJs)) {
    console.error('[tabsight:bridge] dist-bridge/host.js is missing: run `npm run build`.');
  }
  return 0;
}
