import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/special-urgency-report/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('special-urgency-report');
