import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/resolution-numbering/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('resolution-numbering');
