// GitHub's GraphQL rate-limit cost of a request, computed as GitHub documents it: every connection (a field with a
// `first` or `last` argument) needs one request per node of its parent connections; the sum divided by 100, rounded,
// is the cost (at least 1). Fields under @include(if: false) / @skip(if: true) are not asked for and cost nothing.
// argv[2]: the graphql package directory. stdin: [{"query": "...", "variables": {...}}]. stdout: [{"requests": n, "points": n}].
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { parse, Kind } = await import(pathToFileURL(join(process.argv[2], 'index.mjs')).href);
const value = (node, variables) => node.kind === Kind.VARIABLE ? variables[node.name.value] : node.kind === Kind.INT ? Number(node.value) : node.kind === Kind.BOOLEAN ? node.value : undefined;

function cost({ query, variables = {} }) {
  const doc = parse(query);
  const fragments = Object.fromEntries(doc.definitions.filter(d => d.kind === Kind.FRAGMENT_DEFINITION).map(d => [d.name.value, d]));
  const asked = node => (node.directives ?? []).every(d => {
    const arg = d.arguments.find(a => a.name.value === 'if');
    return d.name.value === 'include' ? value(arg.value, variables) !== false : d.name.value === 'skip' ? value(arg.value, variables) !== true : true;
  });
  let requests = 0;
  const walk = (selectionSet, multiplier) => {
    for (const s of selectionSet?.selections ?? []) {
      if (!asked(s)) continue;
      if (s.kind === Kind.FRAGMENT_SPREAD) { walk(fragments[s.name.value].selectionSet, multiplier); continue; }
      if (s.kind === Kind.INLINE_FRAGMENT) { walk(s.selectionSet, multiplier); continue; }
      const size = (s.arguments ?? []).filter(a => a.name.value === 'first' || a.name.value === 'last').map(a => value(a.value, variables))[0];
      if (size === undefined) { walk(s.selectionSet, multiplier); continue; }
      requests += multiplier;
      walk(s.selectionSet, multiplier * size);
    }
  };
  for (const op of doc.definitions.filter(d => d.kind === Kind.OPERATION_DEFINITION)) walk(op.selectionSet, 1);
  return { requests, points: Math.max(1, Math.round(requests / 100)) };
}

process.stdout.write(JSON.stringify(JSON.parse(readFileSync(0, 'utf8')).map(cost)));
