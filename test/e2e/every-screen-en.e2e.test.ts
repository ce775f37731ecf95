/**
 * Every screen and dialog of the visit list fits 1366, 911, 800 and 640 px, in English (issue 12 §4):
 * the checks are described in support/every-screen.ts. The other language is every-screen-fr.e2e.test.ts,
 * a file of its own so the two run side by side.
 */
import { everyScreenFits } from './support/every-screen';

everyScreenFits('en');
