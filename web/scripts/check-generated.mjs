// Fails when src/gql/ is not what GraphQL Code Generator makes from schema.graphql and the
// screens' documents now: it generates in memory (nothing is written) and compares file by file.
// Fix it with `npm run codegen`, and commit the result.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { generate, loadContext } from "@graphql-codegen/cli";

const root = resolve(import.meta.dirname, "..");
const generatedDir = join(root, "src", "gql");
process.chdir(root);

const context = await loadContext(join(root, "codegen.ts"));
context.updateConfig({ silent: true });
const outputs = await generate(context, false);
const expected = new Map(
  outputs.map((output) => [relative(root, resolve(root, output.filename)), output.content]),
);

const problems = [];
for (const [name, content] of expected) {
  let onDisk;
  try {
    onDisk = readFileSync(join(root, name), "utf8");
  } catch {
    problems.push(`${name} is missing`);
    continue;
  }
  if (onDisk !== content) problems.push(`${name} differs from what schema.graphql gives`);
}
for (const name of readdirSync(generatedDir)) {
  const path = relative(root, join(generatedDir, name));
  if (!expected.has(path)) problems.push(`${path} is not generated any more`);
}

if (problems.length > 0) {
  console.error(problems.map((problem) => `  ${problem}`).join("\n"));
  console.error("src/gql/ is stale: run `npm run codegen` in web/ and commit it.");
  process.exit(1);
}
console.log(`src/gql/ matches schema.graphql (${expected.size} files).`);
