import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/resolution-empty/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('resolution-empty');
