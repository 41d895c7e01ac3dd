// Mozilla's Readability (npm @mozilla/readability 0.6.0, Apache-2.0; THIRD-PARTY-NOTICES.md):
// what browsers' reader modes use to find an article's headline and body in a web page. Its
// own module, so that the served page loads it only when a teacher imports a saved page
// (import.js); dist/standalone.html has it inline.

/*! Mozilla Readability 0.6.0 (npm @mozilla/readability), Copyright (c) 2010 Arc90 Inc, Apache License 2.0: see THIRD-PARTY-NOTICES.md */
import Readability from '@mozilla/readability/Readability.js';

export { Readability };
