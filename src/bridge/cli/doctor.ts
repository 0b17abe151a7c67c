import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { configDirOf } from '../config/config-dir';
import { formatReport, runDoctor } from '../doctor/doctor';
import { isPidAlive, portInUse, realDoctorFs } from '../doctor/deps';
import type { Browser } from '../native/manifest';
import { repoPaths } from '../config/repo-paths';

/** Prints a ✓/✗ list with a fix under each ✗; exit code 1 when anything failed. */
export async function runDoctorCommand(args: {
  profile?: string;
  browser?: Browser;
}): Promise<number> {
  const env = process.env;
  const results = await runDoctor({
    env,
    fs: realDoctorFs,
    paths: repoPaths(),
    configDir: configDirOf(env),
    configHome: env.XDG_CONFIG_HOME || join(homedir(), '.config'),
    profile: args.profile ? resolve(args.profile) : undefined,
    browser: args.browser,
    isPidAlive,
    portInUse,
    fetch,
  });
  console.log(formatReport(results));
  return results.some((r) => r.ok === false) ? 1 : 0;
}
