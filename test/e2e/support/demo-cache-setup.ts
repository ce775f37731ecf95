/**
 * vitest globalSetup, after cli-bundle-setup.ts (it seeds with the command line built there): makes
 * the demo territory most end-to-end files start from (E2E_NOW, scale 1) once, before any test
 * file runs. The end-to-end files run two at a time, mixed with the others; without this the first
 * two to start would each seed the same territory (10–20 s of the CI machine's two cores).
 * Nothing to do when the run has no end-to-end project (`--project node`), or when the cache
 * already holds this state of the code's territory.
 */
import type { TestProject } from 'vitest/node';
import { demoCache, E2E_NOW } from './demo-database';

export default function setup(project: TestProject): void {
  if (!project.vitest.projects.some((p) => p.name === 'e2e')) return;
  demoCache(E2E_NOW, 1);
}
