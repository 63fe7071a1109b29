import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const teamsOnly = {
  patterns: [
    { group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai'], message: 'Only src/teams/ may import the Bot Framework or Teams AI.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'devTools/**', 'test/fixtures/word-blind/gen/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The dependency rule: the domain core knows zod, date-fns (pure date arithmetic) and itself.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!zod$|date-fns$|\\.{1,2}/)', message: 'src/domain imports only zod, date-fns and itself.' },
          { regex: '^\\.\\./\\.\\.', message: 'src/domain must not reach outside itself.' },
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**', 'src/domain/**'],
    rules: { 'no-restricted-imports': ['error', teamsOnly] },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...teamsOnly.patterns,
          { group: ['better-sqlite3', 'pg', 'restify', '../storage/*', '../teams/*'], message: 'src/app depends on ports, not on infrastructure.' },
        ],
      }],
    },
  },
  {
    // Only the drafting adapter talks to a language model (a separate rule, so the layer rules above still apply).
    files: ['src/**/*.ts'],
    ignores: ['src/teams/ai/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: '@microsoft/teams-ai', importNames: ['OpenAIModel', 'AzureOpenAIModelOptions', 'OpenAIModelOptions', 'PromptManager', 'ActionPlanner'], message: 'Only src/teams/ai/ talks to a language model.' },
          { name: 'openai', message: 'Only src/teams/ai/ talks to a language model.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // The language layer reads words into intents over the domain; it never touches Teams or storage.
    files: ['src/language/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...teamsOnly.patterns,
          { group: ['better-sqlite3', 'pg', 'restify', 'openai', '../storage/*', '../teams/*', '../export/*', '../../storage/*', '../../teams/*'], message: 'src/language depends on the domain and the understanding port only.' },
        ],
      }],
    },
  },
);
