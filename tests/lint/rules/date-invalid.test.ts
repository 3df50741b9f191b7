import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/date-invalid/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('date-invalid');
