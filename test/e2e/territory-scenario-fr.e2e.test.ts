/**
 * Issue 10's "done when" end to end, in French: a real territory from nothing, through the UI only
 * (support/territory-scenario.ts describes it). The other language is
 * territory-scenario-en.e2e.test.ts, a file of its own so the two run side by side.
 */
import { territoryScenario } from './support/territory-scenario';

territoryScenario('fr');
