import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/report-deadline/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('report-deadline');
