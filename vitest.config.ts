import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests make many temporary folders: all go in one, removed when the run ends.
    globalSetup: ['tests/temporary-folder.ts'],
  },
});
