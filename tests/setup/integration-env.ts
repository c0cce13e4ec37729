// Before any test file imports lib/env: point the process at the test database and prefix.
import { inject } from 'vitest';

Object.assign(process.env, inject('testEnvironment'));
