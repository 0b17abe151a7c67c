// `npm run typecheck`: one TypeScript project per context, each with only the globals that
// context has, so a DOM global in the bridge or a Node import in a content script is a compile
// error; tsconfig.json covers tests, e2e, benches and scripts with all of them.
import { spawnSync } from 'node:child_process';

export const PROJECTS = [
  'tsconfig.shared.json', // ES2022 only: no DOM, no chrome, no Node
  'tsconfig.content.json', // DOM + chrome (content scripts)
  'tsconfig.background.json', // WebWorker + chrome (the service worker)
  'tsconfig.popup.json', // DOM + chrome (the popup page)
  'tsconfig.node.json', // Node: src/bridge, src/mcp, src/client
  'tsconfig.json',
];

const failed = PROJECTS.filter((project) => {
  const run = spawnSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`[tabsight:typecheck] ${project} failed`);
  }
  return run.status !== 0;
});
process.exitCode = failed.length > 0 ? 1 : 0;
