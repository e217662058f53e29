// The project's Vitest set-up (its globalSetup above all), running only the
// fixture that leaves temporary folders behind.
import { defineConfig } from 'vitest/config';
import project from '../vitest.config';

export default defineConfig({ ...project, test: { ...project.test, include: ['test-support/temp-folders-left.fixture.ts'] } });
