import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/minute-reference/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('minute-reference');
