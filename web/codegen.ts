// Types for every GraphQL document of the screens, from the committed schema.graphql.
// `npm run codegen` writes src/gql/ (committed); ./dev test fails when it is not current.
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = { DateTime: "string", JSON: "unknown" };

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    // Typed documents with fragment masking: a component sees only the fields it asked for.
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: "getFragmentData" },
      },
      config: {
        scalars,
        strictScalars: true,
        useTypeImports: true,
        nonOptionalTypename: false,
        avoidOptionals: { field: true, inputValue: false },
      },
    },
    // Every enum of the schema, used or not yet: the word catalogs must label each value.
    "src/gql/enums.ts": {
      plugins: [{ add: { content: "/* eslint-disable */" } }, "typescript"],
      config: { onlyEnums: true, enumsAsConst: true, scalars, strictScalars: true },
    },
    // Apollo's cache merges the types the schema calls "Part of its ...".
    "src/gql/cache-policies.ts": {
      plugins: ["./plugins/cache-policies.cjs"],
    },
  },
};

export default config;
