// A Vite plugin that checks the size budget at every build: the gzipped JavaScript the first
// screen loads (the entry chunk and every chunk it imports statically; screens loaded later
// with import() do not count) must stay within the budget, or the build fails. It also writes
// each script and style sheet gzipped beside itself, which the service sends to browsers that
// take gzip.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

export const FIRST_SCREEN_BUDGET_BYTES = 200 * 1024;

export function sizeBudget(budget: number = FIRST_SCREEN_BUDGET_BYTES): Plugin {
  return {
    name: "overdracht-size-budget",
    apply: "build",
    writeBundle(options, bundle) {
      const outDir = options.dir ?? "dist";
      const gzipped = new Map<string, number>();
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const packed = gzipSync(readFileSync(join(outDir, fileName)), { level: 9 });
        writeFileSync(join(outDir, `${fileName}.gz`), packed);
        gzipped.set(fileName, packed.length);
      }
      type Output = (typeof bundle)[string];
      type Chunk = Extract<Output, { type: "chunk" }>;
      const chunks = new Map(
        Object.values(bundle)
          .filter((output): output is Chunk => output.type === "chunk")
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const firstScreen = new Set<string>();
      const visit = (fileName: string) => {
        if (firstScreen.has(fileName)) return;
        firstScreen.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const total = [...firstScreen].reduce((sum, name) => sum + (gzipped.get(name) ?? 0), 0);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const line = `first screen: ${kb(total)} of JavaScript gzipped (budget ${kb(budget)})`;
      if (total > budget) this.error(`${line}: over budget`);
      this.info(line);
    },
  };
}
