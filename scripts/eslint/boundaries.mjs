// @ts-check
// An ESLint rule that keeps each context of src/ to its own folder and src/shared, judged on the
// path an import resolves to (so `../../content`, `../content/index` and `@shared/…` are all
// seen for what they are), not on how the specifier is spelled.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/**
 * What each context may import besides itself and src/shared, as folders under src/. src/mcp is
 * a client of the bridge: the typed client and the bridge's config files (token, status, config
 * folder), and in its tests the bridge's in-memory app.
 * @type {Record<string, { always: string[]; tests?: string[] }>}
 */
export const EXTRA_ALLOWED = {
  mcp: { always: ['client', 'bridge/config'], tests: ['bridge/testing'] },
};

/**
 * The context folder a path lies in (`content` for src/content or anything under it), '' for
 * src itself, undefined outside src.
 * @param {string} file absolute
 */
function contextOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return undefined;
  }
  return rel.split(path.sep)[0];
}

/**
 * The absolute path an import names, or undefined for a package or a Node built-in.
 * @param {string} importer absolute
 * @param {string} specifier
 */
export function resolveImport(importer, specifier) {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '..') {
    return path.resolve(path.dirname(importer), specifier);
  }
  if (specifier === '@shared' || specifier.startsWith('@shared/')) {
    return path.join(SRC, 'shared', specifier.slice('@shared'.length));
  }
  return undefined;
}

/**
 * Why `importer` may not import `target` (absolute paths), or undefined when it may.
 * @param {string} importer
 * @param {string} target
 */
export function crossing(importer, target) {
  const self = contextOf(importer);
  const other = contextOf(target);
  if (self === undefined || other === undefined || other === self || other === 'shared') {
    return undefined;
  }
  const extra = EXTRA_ALLOWED[self];
  const isTest = /\.test\.ts$/.test(importer);
  const allowed = [...(extra?.always ?? []), ...(isTest ? (extra?.tests ?? []) : [])];
  const rel = path.relative(SRC, target).split(path.sep).join('/');
  if (allowed.some((prefix) => rel === prefix || rel.startsWith(`${prefix}/`))) {
    return undefined;
  }
  const may = ['src/' + self, 'src/shared', ...allowed.map((a) => 'src/' + a)].join(', ');
  return `src/${self} may import only ${may}; this import resolves to src/${rel || '.'}.`;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'each context of src/ imports only itself and src/shared' },
    schema: [],
  },
  create(context) {
    const importer = path.resolve(context.filename);
    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') {
        return;
      }
      const target = resolveImport(importer, source.value);
      const why = target === undefined ? undefined : crossing(importer, target);
      if (why) {
        context.report({ node: source, message: why });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { 'context-boundaries': rule } };
