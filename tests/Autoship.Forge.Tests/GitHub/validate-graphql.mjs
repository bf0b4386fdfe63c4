// Validates GraphQL documents against GitHub's published schema (@octokit/graphql-schema).
// argv[2]: the package directory. stdin: {"name": "document", ...}. stdout: {"name": ["error", ...], ...}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { validate } = await import(pathToFileURL(join(process.argv[2], 'index.js')).href);
const documents = JSON.parse(readFileSync(0, 'utf8'));
const result = {};
for (const [name, text] of Object.entries(documents)) {
  result[name] = validate(text).map(e => `${e.message}${e.locations ? ' at ' + e.locations.map(l => `${l.line}:${l.column}`).join(', ') : ''}`);
}
process.stdout.write(JSON.stringify(result));
