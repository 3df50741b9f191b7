import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/stated-count/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('stated-count');
