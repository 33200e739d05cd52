import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Folders outside the engine, as they appear in a relative import from src/core/. */
const ENGINE_OUTSIDE = '^(\\.\\.?/)+(report|github|action|cli|runtime|entry)(/|$)'

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'build/**',
      '.stryker-tmp/**',
      'reports/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // The engine knows nothing about its edges: presentation lives in report/, GitHub in
    // github/, the action and the CLI in action/ and cli/, the wiring they share in runtime/,
    // the bundles' entry points in entry/. The engine takes a settings object and a Context.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: ENGINE_OUTSIDE,
              message:
                'src/core/ is the engine: it must not import the edges (report, github, action, cli, runtime, entry); pass what it needs through the Context.'
            },
            {
              regex: '^@(actions|octokit)/',
              message:
                'src/core/ knows nothing about GitHub: use the Context (logger, ledger, run info) instead of @actions/* or @octokit/*.'
            }
          ]
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          // no-restricted-imports does not look at import(): the same boundary for lazy loads.
          // esquery's regex literals cannot hold a "/": \x2F stands for it.
          selector: `ImportExpression[source.value=/${ENGINE_OUTSIDE.replaceAll('/', '\\x2F')}|^@(actions|octokit)\\x2F/]`,
          message: 'src/core/ must not load the edges or GitHub libraries, not even lazily.'
        }
      ]
    }
  }
)
