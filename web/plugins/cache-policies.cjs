// A GraphQL Code Generator plugin: Apollo's type policies from the schema's own words.
// Every type the schema describes as "Part of its <Holder>: ..." has no identity of its own, so
// Apollo's cache merges it into the object holding it (merge: true) instead of replacing it.
const { isObjectType } = require("graphql");

const PART_OF = /^Part of its [^:]+: /;

module.exports = {
  plugin(schema) {
    const parts = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && PART_OF.test(type.description ?? ""))
      .map((type) => type.name)
      .sort();
    const entries = parts.map((name) => `  ${name}: { merge: true },`).join("\n");
    return [
      "/* eslint-disable */",
      "// Generated from schema.graphql by plugins/cache-policies.cjs: do not edit.",
      "export const typePolicies = {",
      entries,
      "} as const;",
      "",
    ].join("\n");
  },
};
