import type { CodegenConfig } from '@graphql-codegen/cli';

// The server exports its schema to this file; it is the single source of the GraphQL types.
const schema = process.env.CODEGEN_SCHEMA ?? '../server/schema.graphql';
// codegen:check generates into a temporary directory and compares it with src/gql/.
const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema,
  // Hand-written operations live only in src/operations/; components import them from there.
  documents: ['src/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          UUID: 'string',
          Datetime: 'string',
          Cursor: 'string',
          JwtToken: 'string',
          BigInt: 'string',
          BigFloat: 'string',
          Date: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
